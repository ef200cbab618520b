internal import ArgumentParser
internal import NewsCore

/// Parses `12` or `#12` as an article or story id; `what` names it in the error ("an article", "a story").
func parseID(_ text: String, _ what: String) throws -> ArticleID {
    guard let value = Int64(text.trimmingPrefix("#")) else {
        throw ValidationError("'\(text)' is not \(what) id such as 12 or #12")
    }
    return ArticleID(value)
}
