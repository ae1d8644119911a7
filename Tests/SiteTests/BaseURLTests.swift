import Site
import Testing

/// `--base-url` reaches the canonical link and the 404 page's links, so only an
/// http(s) URL with a host or a path from the root is taken.
@Suite("The base URL")
struct BaseURLTests {
    @Test("http(s) URLs with a host and paths from the root are taken, with a slash added at the end")
    func accepted() {
        #expect(BaseURL("https://example.test/previews/pr-123/")?.text == "https://example.test/previews/pr-123/")
        #expect(BaseURL("https://example.test")?.text == "https://example.test/")
        #expect(BaseURL("HTTP://Example.test:8080/ai")?.text == "HTTP://Example.test:8080/ai/")
        #expect(BaseURL("http://127.0.0.1:8000/")?.text == "http://127.0.0.1:8000/")
        #expect(BaseURL("http://[::1]:8000/")?.text == "http://[::1]:8000/")
        #expect(BaseURL("https://intranet.example/ai/%C3%A9t%C3%A9/")?.text == "https://intranet.example/ai/%C3%A9t%C3%A9/")
        #expect(BaseURL("/previews/pr-123")?.text == "/previews/pr-123/")
        #expect(BaseURL("/")?.text == "/")
    }

    @Test("any other scheme, a relative or protocol-relative path, credentials, a query or odd characters are refused",
          arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc/",
                      "ftp://example.test/", "mailto:a@example.test", "https://", "https:///x", "http:example.test",
                      "//evil.test/", "previews/", "./", "../", "https://user:pw@example.test/", "https://bank@evil.test/",
                      "https://example.test:99999/", "https://example.test:/", "https://example.test:8o/",
                      "https://exa mple.test/", "https://example.test/a b", "https://example.test/\"><script>",
                      "https://example.test/?q=1", "https://example.test/#x", "https://example.test/\u{7}",
                      "https://example.test/\u{202E}", " https://example.test/", "https://example.test/\n", "",
                      "https://-evil.test/", "https://[zz]/", "/\\evil.test/"])
    func refused(_ written: String) {
        #expect(BaseURL(written) == nil, "\(written.debugDescription)")
    }
}
