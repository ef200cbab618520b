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

    /// Class/id words that mark boilerplate: navigation, sharing, consent, promotion, comments, related links.
    static let boilerplateWords: [String] = [
        "comment", "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter", "subscribe",
        "subscription", "signup", "sign-up", "related", "recommend", "promo", "advert", "adsense", "ad-slot",
        "ad-container", "ad-wrapper", "ads-", "-ads", "dfp", "sponsor", "sidebar", "widget", "breadcrumb",
        "menu", "navbar", "navigation", "masthead", "popup", "modal", "paywall", "pagination", "pager", "toolbar",
        "disqus", "outbrain", "taboola", "most-popular", "mostpopular", "trending", "more-stories",
        "read-more", "readmore", "author-bio", "authorbio", "about-author", "skip-link", "print-only", "hidden",
        "visually-hidden", "sr-only", "screen-reader", "tag-list", "tags", "topics", "byline", "dateline",
        "meta-data", "post-meta", "entry-meta", "article-meta", "footer", "header", "banner", "login",
        "jump", "toc", "table-of-contents", "rating", "reaction", "follow", "app-download", "donate", "feedback",
        "survey", "alert", "notification", "teaser", "carousel", "slider", "gallery-nav", "next-article",
        "prev-article", "previous", "post-navigation", "signin",
    ]

    /// Class/id words that mark the article body.
    static let contentWords: [String] = [
        "article-body", "articlebody", "article__body", "article-content", "article__content", "articlecontent",
        "story-body", "storybody", "story-content", "story__body", "entry-content", "entry__content",
        "post-content", "post__content", "postcontent", "post-body", "post-entry", "blog-post", "single-content",
        "main-content", "maincontent", "page-content", "content-body", "body-text", "bodytext", "text-body",
        "rich-text", "richtext", "article-text", "story-text", "news-content", "td-post-content", "prose",
        "markdown-body", "article", "content", "story", "entry", "post", "text", "body",
    ]

    /// `role` values that are never the article.
    static let boilerplateRoles: Set<String> = [
        "navigation", "banner", "complementary", "contentinfo", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "tablist", "alert",
    ]

    /// Class words of image captions and photo credits.
    static let captionWords = ["caption", "figcaption", "wp-caption-text", "image-desc", "photo-desc"]
    static let creditWords = ["credit", "photographer", "copyright", "image-source", "photo-source"]

    /// Short lines that are boilerplate wherever they stand (compared case-insensitively, whole block).
    static let boilerplateLines: Set<String> = [
        "advertisement", "advertisements", "ad", "sponsored", "share", "share this", "share this article",
        "share on facebook", "share on twitter", "tweet", "email", "print", "comments", "leave a comment",
        "related", "related articles", "related stories", "read more", "read more:", "see also", "subscribe",
        "sign up", "sign in", "log in", "continue reading", "skip to content", "skip to main content",
        "click here", "follow us", "back to top", "loading...", "loading", "copy link", "link copied",
    ]
}
