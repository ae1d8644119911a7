import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses text as XML and says whether it is well-formed.
public enum XMLCheck {
    final class Delegate: NSObject, XMLParserDelegate {
        var failed = false
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = true }
    }

    public static func isWellFormed(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        return parser.parse() && !delegate.failed
    }
}
