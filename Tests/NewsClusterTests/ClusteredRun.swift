import NewsCluster

/// Articles clustered one at a time: each article's story (after merges) and the reason of its decision.
struct ClusteredRun {
    var stories: [String: String] = [:]
    var reasons: [String: ClusterReason] = [:]

    init(_ articles: [ArticleFeatures], options: ClusterOptions) {
        var clusterer = StoryClusterer(options: options)
        for article in articles {
            for action in clusterer.add(article) {
                if case .created(_, let id, let reason) = action { reasons[id] = reason }
                if case .assigned(_, let id, let reason) = action { reasons[id] = reason }
            }
        }
        for story in clusterer.stories {
            for article in story.articles { stories[article] = clusterer.currentStory(of: story.id) }
        }
    }
}
