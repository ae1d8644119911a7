/// Discern's version, written here and nowhere else: `discern --version` prints it.
enum DiscernVersion {
    static let current = "0.9.0"
}
