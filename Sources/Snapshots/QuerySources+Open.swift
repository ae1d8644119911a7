import DataSources
import Foundation
import ReportModel

extension QuerySources.Database {
    /// Opens the database, or throws `DataSourceError.connection` with one line that says
    /// what was tried: a SQLite file by its path in the content folder, PostgreSQL by the
    /// environment variable holding the URL, never the URL itself (it holds a password).
    public func open(content: URL, environment: [String: String]) throws -> any DataSource {
        switch self {
        case .sqlite(let path):
            return try SQLiteDatabase(path: content.appendingPathComponent(path).path, name: path)
        case .postgres(let variable):
            guard let url = environment[variable] else {
                throw DataSourceError.connection("the environment variable \(variable) (sources.postgres.url_env) is not set; "
                                                 + "set it to the database's connection URL")
            }
            guard !url.isEmpty else {
                throw DataSourceError.connection("the environment variable \(variable) (sources.postgres.url_env) is empty; "
                                                 + "set it to the database's connection URL")
            }
            return try PostgresDatabase(url: url)
        }
    }
}
