import Charts
import ReportModel

extension DataTable {
    /// The table as the CSV file written beside its chart: a header of the columns, then
    /// the rows, CRLF line endings as RFC 4180 has them. Every cell goes through
    /// `CSVCell`, so a team or metric name that starts like a formula stays text in a
    /// spreadsheet.
    var csv: String {
        ([columns] + rows).map(CSVCell.record).joined(separator: "\r\n") + "\r\n"
    }
}
