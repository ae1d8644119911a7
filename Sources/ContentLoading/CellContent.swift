/// What one cell of a data file holds once read: nothing, a value, or text that could not
/// be read as one (and has been reported). Blank and invalid differ: a blank cell is a
/// value that is missing, never zero, while an invalid one makes its row unusable.
package enum CellContent<Value> {
    case blank
    case value(Value)
    case invalid

    /// The value, or nil when the cell is blank or invalid.
    package var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}
