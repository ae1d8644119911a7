@testable import DataSources
import Testing

/// What keeps a connection string's password out of every message, without a server.
@Suite("ConnectionSecrets and one-line messages")
struct ConnectionSecretsTests {
    @Test("a URI's password is removed as typed and as decoded, and so is the whole URL")
    func uriPassword() {
        let url = "postgresql://reader:p%40ss-Quokka@db.example.com:5433/warehouse"
        let secrets = ConnectionSecrets(url: url)
        #expect(secrets.scrub("a p@ss-Quokka b p%40ss-Quokka c") == "a *** b *** c")
        #expect(secrets.scrub("could not read \(url)") == "could not read ***")
        #expect(secrets.scrub("password authentication failed for user \"reader\"") == "password authentication failed for user \"reader\"")
    }

    @Test("a key=value password is removed, quoted or not")
    func keywordPassword() {
        let secrets = ConnectionSecrets(url: "host=db port=5433 password='two words'")
        #expect(secrets.scrub("it was two words long") == "it was *** long")
        #expect(ConnectionSecrets(url: "host=db password=Quokka").scrub("Quokka!") == "***!")
    }

    @Test("when libpq cannot read the string, every quoted piece of a message is dropped")
    func unreadable() {
        let secrets = ConnectionSecrets(url: "host=db password=Zebra Quokka")
        #expect(secrets.scrub("missing \"=\" after \"Quokka\" in connection info string\n") == "missing \"…\" after \"…\" in connection info string")
    }

    @Test("libpq's message on several lines becomes one, trimmed, joined with semicolons")
    func oneLine() {
        let message = "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n"
        #expect(message.oneLine == "connection to server at \"127.0.0.1\", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?")
        #expect("  \n\n ".oneLine == "")
    }

    @Test("a poll wait is rounded up to whole milliseconds, never down to no wait")
    func milliseconds() {
        #expect(PostgresDatabase.milliseconds(.zero) == 0)
        #expect(PostgresDatabase.milliseconds(.nanoseconds(1)) == 1)
        #expect(PostgresDatabase.milliseconds(.milliseconds(300)) == 300)
        #expect(PostgresDatabase.milliseconds(.seconds(3) + .microseconds(1)) == 3001)
        #expect(PostgresDatabase.milliseconds(.seconds(-1)) == 0)
        #expect(PostgresDatabase.milliseconds(.seconds(1_000_000_000)) == .max)
    }
}
