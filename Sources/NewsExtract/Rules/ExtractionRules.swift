/// The named vocabularies the HTML extractor matches against class names, ids, roles and tags.
///
/// NB: versioned with the extractor (`HTMLExtractor.algorithm`); a change here changes what is extracted.
enum ExtractionRules {
    /// Elements never part of an article's text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button",
        "input", "select", "textarea", "option", "nav", "footer", "aside", "head", "title", "meta", "link",
        "dialog", "menu", "video", "audio", "map", "label",
    ]

    /// Tags that hold one block of text.
    static let blockTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption", "dd", "dt", "td", "th",
        "caption", "address", "summary",
    ]

    /// Tags whose content flows inside a block.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "br", "img", "picture", "source",
        "ins", "del", "strike", "tt", "big", "nobr",
    ]

    /// Class/id patterns of boilerplate: navigation, sharing, consent, promotion, comments, related links.
    ///
    /// Patterns match the parts of a class token split at `-` and `_`: `menu*` is a part starting with "menu",
    /// `ad` is a part equal to "ad", `most-popular` is two consecutive parts. Generic words that content
    /// containers also carry ("widget" in every Elementor block, "hidden" in `overflow-hidden`) are left out;
    /// hidden elements are found by their attributes and style instead.
    static let boilerplateWords: [String] = [
        "comment*", "share*", "sharedaddy", "social*", "cookie*", "consent*", "gdpr", "newsletter*", "subscri*",
        "signup", "sign-up", "signin", "sign-in", "login", "log-in", "related*", "recommend*", "promo*", "advert*",
        "adsense", "ad", "ads", "adslot", "adunit", "dfp", "sponsor*", "sidebar*", "widget-area", "widgettitle",
        "widget-title", "breadcrumb*", "menu*", "navbar*", "nav", "navigation", "masthead", "popup*", "modal*",
        "paywall*", "pagination", "pager", "toolbar", "disqus*", "outbrain*", "taboola*", "most-popular",
        "mostpopular", "popular-posts", "trending", "more-stories", "read-more", "readmore", "read-next",
        "author-bio", "authorbio", "about-author", "author-box", "skip-link", "skip-to-content", "print-only",
        "visually-hidden", "sr-only", "screen-reader*", "tag-list", "tags", "tag-cloud", "tagcloud", "topics",
        "byline*", "dateline", "post-meta", "entry-meta", "article-meta", "meta-data", "footer*", "header*",
        "banner*", "jump-link", "toc", "table-of-contents", "rating*", "reaction*", "follow-us", "app-download",
        "donate", "feedback", "survey", "notification*", "teaser*", "carousel*", "slider*", "post-navigation",
        "nav-links", "next-article", "prev-article", "previous-post", "next-post", "cta", "call-to-action",
        "backtotop", "back-to-top", "search*", "site-info", "copyright",
    ]

    /// Class/id patterns that are boilerplate on a product page only: reviews, ratings and questions.
    static let shopBoilerplateWords: [String] = [
        "review*", "testimonial*", "ugc", "bazaarvoice", "bv", "yotpo*", "okendo*", "stamped*", "judgeme", "jdgm*",
        "questions", "qna", "q-and-a", "recently-viewed", "upsell*", "cross-sell*", "you-may-also-like",
    ]

    /// Class/id patterns of the article body (same syntax); the one-word ones count only as whole tokens.
    static let contentWords: [String] = [
        "article-body", "articlebody", "article-content", "articlecontent", "story-body", "storybody",
        "story-content", "entry-content", "post-content", "postcontent", "post-body", "post-entry", "blog-post",
        "single-content", "main-content", "maincontent", "page-content", "content-body", "body-text", "bodytext",
        "text-body", "rich-text", "richtext", "article-text", "story-text", "news-content", "markdown-body",
        "article-main", "post-text", "entry-body", "itemprop-articlebody",
        "article", "content", "story", "entry", "post", "text", "body", "prose", "main",
    ]

    /// `role` values that are never the article.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "complementary", "contentinfo", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "tablist", "alert",
    ]

    /// Class words of image captions and photo credits.
    static let captionWords = ["caption*", "figcaption", "image-desc*", "photo-desc*"]
    static let creditWords = ["credit*", "photographer", "image-source", "photo-source"]

    /// Short lines that are boilerplate wherever they stand (compared case-insensitively, whole block).
    static let boilerplateLines: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "share", "share this", "share this article",
        "share on facebook", "share on twitter", "tweet", "email", "print", "comments", "leave a comment",
        "related", "related articles", "related stories", "read more", "read more:", "see also", "subscribe",
        "sign up", "sign in", "log in", "continue reading", "skip to content", "skip to main content",
        "click here", "follow us", "back to top", "loading...", "loading", "copy link", "link copied",
    ]
}
