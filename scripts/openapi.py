# Writes Sources/NewsServer/OpenAPI/openapi.json, the API's description (committed; edit this, then run it).
import json
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def arr(s): return {"type": "array", "items": s}
S = {"type": "string"}; I = {"type": "integer"}; N = {"type": "number"}; B = {"type": "boolean"}
DT = {"type": "string", "format": "date-time"}
def d(s, text): return {**s, "description": text}
def opt(s): 
    s = dict(s); t = s.get("type"); s["type"] = [t, "null"]; return s
def obj(props, required=None, extra=True):
    o = {"type": "object", "properties": props, "required": required if required is not None else list(props)}
    if not extra: o["additionalProperties"] = False
    return o
errors = {"application/json": {"schema": ref("Error")}}
def err(desc): return {"description": desc, "content": errors}
def ok(schema, desc="OK", code="200"): return {code: {"description": desc, "content": {"application/json": {"schema": schema}}}}
ID = {"type": "integer", "minimum": 1, "maximum": 9223372036854775807}
idp = {"name": "id", "in": "path", "required": True, "schema": ID}
limit = lambda d, m: {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": m, "default": d}}
offset = lambda m: {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": m, "default": 0}}
sec = [{"token": []}]
unknown_host = err("The Host names a name this server does not answer to (DNS rebinding): `request.unknown_host`; see `serve --allowed-host`")
def read(op):
    op.setdefault("responses", {})["401"] = err("A token is needed (the server runs with --read-token): `auth.required`, `auth.invalid`")
    op["responses"]["400"] = op["responses"].get("400", err("A parameter is wrong: `request.bad_parameter`"))
    op["responses"]["421"] = unknown_host
    return op
def write(op):
    op["security"] = sec
    op.setdefault("responses", {})
    op["responses"]["401"] = err("No token, or not a valid one: `auth.required`, `auth.invalid`")
    op["responses"]["400"] = err("The body or a parameter is wrong: `request.invalid`, `request.bad_parameter`")
    op["responses"]["413"] = err("The body is over the limit (64 KiB): `request.too_large`")
    op["responses"]["403"] = err("The server's database is read-only: `store.read_only`")
    op["responses"]["421"] = unknown_host
    return op
def body(schema): return {"required": True, "content": {"application/json": {"schema": schema}}}

schemas = {
 "Error": obj({"error": obj({"code": {"type": "string", "description": "Stable code: not_found, method_not_allowed, story.not_found, article.not_found, article.not_grouped, search.not_found, source.not_found, feed.not_found, search.invalid_query, story.change_refused, request.invalid, request.bad_parameter, request.too_large, auth.required, auth.invalid, auth.cross_site, fetch.* and feed.* (subscribing), store_*, internal"}, "message": S, "hint": S}, ["code", "message"])}),
 "Story": obj({"id": I, "title": S, "articles": I, "origins": I, "outlets": I, "firstSeen": DT, "lastSeen": DT, "closed": B, "pinned": B, "url": S}, ["id", "title", "articles", "origins", "outlets", "closed", "pinned", "url"]),
 "StoryList": obj({"schema": {"const": "corroborate.api.stories.v1"}, "order": {"enum": ["newest", "coverage"]}, "offset": I, "limit": I, "next": opt(I), "stories": arr(ref("Story"))}, ["schema", "order", "offset", "limit", "stories"]),
 "Citation": obj({"article": I, "outlet": S, "start": I, "end": I, "text": S, "via": d(S, "The outlet, agency or report the sentence says it relays (claim evidence only).")}, ["article", "outlet", "start", "end", "text"]),
 "Comparison": {"type": "object", "description": "The comparison of a story's coverage (docs/JSON.md, corroborate.story.v1): offsets in Unicode scalars.",
   "required": ["schema", "algorithm", "story", "articles", "origins", "statusCounts", "claims", "figures", "quotes", "framing", "summary", "timeline"],
   "properties": {"schema": {"const": "corroborate.story.v1"}, "algorithm": S, "story": I,
     "articles": arr(obj({"id": I, "title": S, "outlet": S, "owner": S, "published": DT, "origin": I, "copyOf": I, "via": d(S, "The agency its dateline credits (\"WASHINGTON (AP) \u2014\").")}, ["id", "title", "outlet", "origin"])),
     "origins": arr(obj({"id": I, "label": S, "outlets": arr(S), "articles": arr(I), "external": d(B, "A source the articles relay that ran no article in the story.")}, ["id", "label", "outlets", "articles"])),
     "statusCounts": {"type": "object", "additionalProperties": I},
     "claims": arr(obj({"id": I, "status": ref("Status"), "origins": arr(I), "outlets": arr(S), "evidence": arr(ref("Citation")), "conflict": S, "relayedBy": d(arr(S), "Outlets that carry the claim only by relaying another origin.")}, ["id", "status", "origins", "outlets", "evidence"])),
     "figures": arr(obj({"counted": S, "agreement": S, "explanation": d(S, "Why the row agrees, differs or conflicts, in words."), "figures": arr({"type": "object", "required": ["value", "status", "number", "sentence", "originCount"], "properties": {"value": N, "upperValue": N, "qualifier": S, "counted": S, "predicate": S, "reporter": S, "originCount": I, "status": ref("Status"), "number": ref("Citation"), "sentence": ref("Citation")}})})),
     "quotes": obj({"outlets": arr(S), "speakers": arr({"type": "object", "required": ["name", "countsByOutlet", "quotes"], "properties": {"name": S, "role": S, "countsByOutlet": {"type": "object", "additionalProperties": I}, "quotes": arr(obj({"kind": S, "words": ref("Citation")}))}}), "shared": arr(obj({"text": S, "speakers": arr(S), "originCount": I, "evidence": arr(ref("Citation"))}))}),
     "framing": arr(obj({"article": I, "outlet": S, "headline": S, "distinctiveWords": arr(S), "firstNamed": arr(S), "omittedEntities": arr(S), "omittedClaims": arr(I)})),
     "summary": arr(obj({"text": S, "claim": I, "status": ref("Status"), "citations": arr(ref("Citation"))})),
     "timeline": arr(obj({"date": S, "granularity": S, "text": S, "claim": I, "citations": arr(ref("Citation"))}))}},
 "Status": {"enum": ["corroborated", "contested", "single-source"]},
 "ArticleItem": obj({"id": I, "title": S, "outlet": S, "url": S, "published": DT, "ingested": DT, "language": S, "authors": arr(S), "words": I, "story": I}, ["id", "title", "ingested", "authors", "words"]),
 "ArticleList": obj({"schema": {"const": "corroborate.api.articles.v1"}, "offset": I, "limit": I, "total": I, "articles": arr(ref("ArticleItem"))}),
 "FeedItem": obj({"key": S, "article": I, "url": S, "categories": arr(S), "creditedSource": S, "creditedSourceURL": S, "enclosures": arr({"type": "object"}), "problem": S}, ["key", "categories", "enclosures"]),
 "Article": obj({"schema": {"const": "corroborate.api.article.v1"}, "article": ref("ArticleItem"), "text": S, "feedItems": arr(ref("FeedItem"))}),
 "Why": obj({"schema": {"const": "corroborate.api.why.v1"}, "lines": arr(S), "explanation": obj({"article": I, "story": I, "origin": I, "relation": {"enum": ["identical", "wireCopy", "independent"]}, "decision": {"enum": ["split", "started", "joined"]}, "score": N, "bestCandidate": I, "termSimilarity": N, "timeFactor": N, "spreadFloor": N, "requiredScore": N, "sharedEvidence": N, "evidenceNeeded": N, "sharedTerms": arr(S), "sharedNames": arr(S)}, ["article", "story", "origin", "relation", "decision", "score", "sharedTerms", "sharedNames"])}),
 "SearchResults": obj({"schema": {"const": "corroborate.api.search.v1"}, "query": S, "hits": arr(obj({"article": ref("ArticleItem"), "score": N, "snippet": S, "highlights": arr(arr(I))}))}),
 "SavedSearch": obj({"id": I, "name": S, "query": S, "created": DT}),
 "SavedSearchList": obj({"schema": {"const": "corroborate.api.searches.v1"}, "searches": arr(ref("SavedSearch"))}),
 "NewSavedSearch": obj({"name": {"type": "string", "minLength": 1, "maxLength": 100}, "query": {"type": "string", "minLength": 1, "maxLength": 500}}),
 "Source": obj({"name": S, "domain": S, "country": S, "owner": S, "kind": {"enum": ["wire", "public-broadcaster", "state-funded", "commercial", "ngo", "other"]}, "articleCount": I}, ["name", "articleCount"]),
 "Sources": obj({"schema": {"const": "corroborate.api.sources.v1"}, "outlets": arr(ref("Source"))}),
 "SourcePatch": {"type": "object", "description": "Fields left out stay; an empty string clears one.", "properties": {"domain": S, "country": S, "owner": S, "kind": {"enum": ["", "wire", "public-broadcaster", "state-funded", "commercial", "ngo", "other", None], "description": "null, like leaving it out, keeps the kind; an empty string clears it"}}},
 "Feed": obj({"id": I, "url": S, "title": S, "siteURL": S, "source": S, "folder": S, "categories": arr(S), "added": DT, "etag": S, "lastModified": S, "lastChecked": DT, "lastSuccess": DT, "nextCheck": DT, "failures": I, "errorCode": S, "error": S, "lastStatus": I, "itemCount": I, "articleCount": I}, ["id", "url", "source", "categories", "added", "failures", "itemCount", "articleCount"]),
 "Feeds": obj({"schema": {"const": "corroborate.api.feeds.v1"}, "feeds": arr(ref("Feed"))}),
 "NewFeed": obj({"url": {"type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+", "description": "A feed's address, or a site's (its announced feed is found)"}, "source": S, "folder": S, "categories": arr(S)}, ["url"]),
 "FeedAdded": obj({"added": B, "feed": ref("Feed")}),
 "Merge": obj({"into": ID}),
 "StoryChanged": obj({"story": ref("Story")}),
}
paths = {
 "/stories": {"get": read({"summary": "Stories, newest or most covered (last 7 days) first", "operationId": "listStories", "parameters": [{"name": "order", "in": "query", "schema": {"enum": ["newest", "coverage"], "default": "newest"}}, limit(50, 500), offset(1000000), {"name": "after", "in": "query", "description": "The `next` of the page before: the stories after this one, in the same order (costs the same however deep; `offset` is ignored)", "schema": ID}], "responses": ok(ref("StoryList"))})},
 "/stories/{id}": {"get": read({"summary": "A story's full comparison; an article's id gives its story's", "operationId": "getStory", "parameters": [idp], "responses": {**ok(ref("Comparison")), "404": err("`story.not_found`")}})},
 "/stories/{id}/merge": {"post": write({"summary": "Merge the story into another", "operationId": "mergeStory", "parameters": [idp], "requestBody": body(ref("Merge")), "responses": {**ok(ref("StoryChanged")), "409": err("`story.change_refused`"), "404": err("`story.not_found`")}})},
 "/articles": {"get": read({"summary": "Articles, newest ingested first", "operationId": "listArticles", "parameters": [limit(50, 500), offset(10000000), {"name": "outlet", "in": "query", "schema": S}], "responses": ok(ref("ArticleList"))})},
 "/articles/{id}": {"get": read({"summary": "An article with its text", "operationId": "getArticle", "parameters": [idp], "responses": {**ok(ref("Article")), "404": err("`article.not_found`")}})},
 "/articles/{id}/why": {"get": read({"summary": "Why the article is in its story", "operationId": "whyGrouped", "parameters": [idp], "responses": {**ok(ref("Why")), "404": err("`article.not_grouped`")}})},
 "/articles/{id}/split": {"post": write({"summary": "Move the article out of its story into one of its own", "operationId": "splitArticle", "parameters": [idp], "responses": {**ok(ref("StoryChanged")), "409": err("`story.change_refused`")}})},
 "/search": {"get": read({"summary": "Full-text search (stemmed per language; \"phrases\", prefix*, AND/OR/NOT)", "operationId": "search", "parameters": [{"name": "q", "in": "query", "required": True, "schema": {"type": "string", "minLength": 1}}, limit(20, 200)], "responses": {**ok(ref("SearchResults")), "400": err("`request.bad_parameter`, `search.invalid_query`")}})},
 "/searches": {"get": read({"summary": "Saved searches", "operationId": "listSavedSearches", "responses": ok(ref("SavedSearchList"))}),
               "post": write({"summary": "Save a search (a name already used is replaced)", "operationId": "saveSearch", "requestBody": body(ref("NewSavedSearch")), "responses": ok(ref("SavedSearch"), "Saved", "201")})},
 "/searches/{id}": {"delete": write({"summary": "Remove a saved search", "operationId": "removeSavedSearch", "parameters": [idp], "responses": {**ok(obj({"removed": ref("SavedSearch")})), "404": err("`search.not_found`")}})},
 "/sources": {"get": read({"summary": "The outlets, with their metadata", "operationId": "listSources", "responses": ok(ref("Sources"))})},
 "/sources/{name}": {"patch": write({"summary": "Change an outlet's metadata (owners decide which outlets are independent)", "operationId": "updateSource", "parameters": [{"name": "name", "in": "path", "required": True, "schema": S}], "requestBody": body(ref("SourcePatch")), "responses": {**ok(ref("Source")), "404": err("`source.not_found`")}})},
 "/feeds": {"get": read({"summary": "Feed subscriptions and their state", "operationId": "listFeeds", "responses": ok(ref("Feeds"))}),
            "post": write({"summary": "Subscribe to a feed, given its address or its site's", "operationId": "addFeed", "requestBody": body(ref("NewFeed")), "responses": {**ok(ref("FeedAdded"), "Already subscribed"), **ok(ref("FeedAdded"), "Subscribed", "201"), "422": err("No feed found there: `feed.not-found`, `fetch.*`, `feed.*`")}})},
 "/feeds/{id}": {"delete": write({"summary": "Unsubscribe (the articles stay)", "operationId": "removeFeed", "parameters": [idp], "responses": {**ok(obj({"removed": ref("Feed")})), "404": err("`feed.not_found`")}})},
}
doc = {"openapi": "3.1.0",
 "info": {"title": "Corroborate API", "version": "1.0.0", "description": "Stories grouped from many outlets and the comparison of their coverage: what independent origins corroborate, single-source claims, contested figures, quotes and framing. Reads are public unless the server runs with --read-token; every change needs a token (`corroborate token create NAME`) sent as `Authorization: Bearer TOKEN`. Errors are `{\"error\": {\"code\", \"message\", \"hint\"}}` with stable codes.", "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"}},
 "servers": [{"url": "/api/v1"}],
 "components": {"schemas": schemas, "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "A token from `corroborate token create NAME`"}}},
 "paths": paths}
open(__import__("os").path.join(__import__("os").path.dirname(__file__), "../Sources/NewsServer/OpenAPI/openapi.json"), "w").write(json.dumps(doc, indent=1) + "\n")
