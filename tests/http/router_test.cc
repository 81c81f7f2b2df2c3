// Router, message builders and URL helpers, called directly without sockets.
#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "http/message.h"
#include "http/url.h"

namespace reparto::http {
namespace {

Request MakeRequest(std::string method, std::string raw_path) {
  Request request;
  request.method = std::move(method);
  request.raw_path = raw_path;
  request.path = PercentDecode(raw_path, false).value_or("");
  return request;
}

Handler Echo(std::string name) {
  return [name](Request& request) {
    std::string body = name;
    for (const auto& [key, value] : request.path_params) body += " " + key + "=" + value;
    return JsonResponse(200, body);
  };
}

TEST(RouterTest, LiteralAndPlaceholderMatches) {
  Router router;
  router.Add("GET", "/api/communities", Echo("list"));
  router.Add("GET", "/api/communities/{community}", Echo("one"));
  router.Add("GET", "/api/communities/{community}/participants/{participant}/series",
             Echo("series"));

  auto request = MakeRequest("GET", "/api/communities");
  EXPECT_EQ(router.Dispatch(request).body, "list");
  request = MakeRequest("GET", "/api/communities/ES0021/");  // a trailing slash is ignored
  EXPECT_EQ(router.Dispatch(request).body, "one community=ES0021");
  request = MakeRequest("GET", "/api/communities/c1/participants/p7/series");
  EXPECT_EQ(router.Dispatch(request).body, "series community=c1 participant=p7");
  // A placeholder never matches an empty segment nor two segments.
  request = MakeRequest("GET", "/api/communities//participants/p7/series");
  EXPECT_EQ(router.Dispatch(request).status, 404);
  request = MakeRequest("GET", "/api/communities/a/b");
  EXPECT_EQ(router.Dispatch(request).status, 404);
}

TEST(RouterTest, LiteralSegmentWinsOverPlaceholder) {
  Router router;
  router.Add("GET", "/api/users/{user}", Echo("user"));
  router.Add("GET", "/api/users/me", Echo("me"));
  auto request = MakeRequest("GET", "/api/users/me");
  EXPECT_EQ(router.Dispatch(request).body, "me");
  request = MakeRequest("GET", "/api/users/u1");
  EXPECT_EQ(router.Dispatch(request).body, "user user=u1");
}

TEST(RouterTest, PercentDecodedParams) {
  Router router;
  router.Add("GET", "/api/communities/{community}", Echo("one"));
  // %2F stays inside the parameter: the raw path is split before decoding.
  auto request = MakeRequest("GET", "/api/communities/caf%C3%A9%2Fbar%20baz");
  Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "one community=café/bar baz");
  EXPECT_EQ(request.Param("community"), "café/bar baz");
  // Built by hand without raw_path: the decoded path is used.
  Request by_hand;
  by_hand.method = "GET";
  by_hand.path = "/api/communities/x y";
  EXPECT_EQ(router.Dispatch(by_hand).body, "one community=x y");
  // A malformed escape is a 400, not a match.
  request = MakeRequest("GET", "/api/communities/%zz");
  request.raw_path = "/api/communities/%zz";
  EXPECT_EQ(router.Dispatch(request).status, 400);
}

TEST(RouterTest, NotFoundAndMethodNotAllowedWithAllow) {
  Router router;
  router.Add("GET", "/api/communities/{community}/coefficients", Echo("get"));
  router.Add("POST", "/api/communities/{community}/coefficients", Echo("post"));
  auto request = MakeRequest("DELETE", "/api/communities/c1/coefficients");
  Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 405);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Allow");
  EXPECT_EQ(response.headers[0].second, "GET, HEAD, POST");
  EXPECT_NE(response.body.find("\"code\":\"method_not_allowed\""), std::string::npos);

  request = MakeRequest("GET", "/api/nothing/here");
  response = router.Dispatch(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(response.body, R"({"error":{"code":"not_found","message":"no such resource"}})");
}

TEST(RouterTest, HeadRunsTheGetHandler) {
  Router router;
  router.Add("GET", "/api/health", Echo("ok"));
  auto request = MakeRequest("HEAD", "/api/health");
  EXPECT_EQ(router.Dispatch(request).body, "ok");
}

TEST(RouterTest, HandlerExceptionGivesGeneric500) {
  Router router;
  router.Add("GET", "/api/boom", [](Request&) -> Response {
    throw std::runtime_error("SELECT secret FROM users; stack at 0xdeadbeef");
  });
  auto request = MakeRequest("GET", "/api/boom");
  ::testing::internal::CaptureStderr();
  Response response = router.Dispatch(request);
  std::string log = testing::internal::GetCapturedStderr();
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(response.body.find("deadbeef"), std::string::npos);
  EXPECT_NE(response.body.find("\"code\":\"internal\""), std::string::npos);
  EXPECT_NE(log.find("SELECT secret"), std::string::npos);  // logged, not sent
}

TEST(RouterTest, BodyLimitsPerRoute) {
  Router router;
  router.SetBodyLimit("POST", "/api/communities/{community}/imports", 25u << 20);
  EXPECT_EQ(router.BodyLimit("POST", "/api/communities/c%201/imports"), 25u << 20);
  EXPECT_EQ(router.BodyLimit("GET", "/api/communities/c1/imports"), std::nullopt);
  EXPECT_EQ(router.BodyLimit("POST", "/api/communities/c1/members"), std::nullopt);
  EXPECT_EQ(router.LargestBodyLimit(), 25u << 20);
}

TEST(MessageTest, JsonErrorEscapesStrings) {
  Response response = JsonError(422, "bad\"code", "line 3: \"x\"\\ \n\t\x01 ñ");
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.body,
            "{\"error\":{\"code\":\"bad\\\"code\",\"message\":\"line 3: \\\"x\\\"\\\\ "
            "\\n\\t\\u0001 ñ\"}}");
}

TEST(MessageTest, RequestAccessorsGiveEmptyWhenAbsent) {
  Request request;
  request.headers["x-file-name"] = "a.csv";
  request.query["from"] = "2025-01-01";
  EXPECT_EQ(request.Header("x-file-name"), "a.csv");
  EXPECT_EQ(request.Header("x-other"), "");
  EXPECT_EQ(request.Query("from"), "2025-01-01");
  EXPECT_EQ(request.Query("to"), "");
  EXPECT_EQ(request.Param("community"), "");
  Response file = FileResponse("text/csv", "a,b\n", "members.csv");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.download_name, "members.csv");
}

TEST(UrlTest, PercentDecode) {
  EXPECT_EQ(PercentDecode("/caf%C3%A9", false), "/café");
  EXPECT_EQ(PercentDecode("a+b%2B", false), "a+b+");
  EXPECT_EQ(PercentDecode("a+b%2B", true), "a b+");
  EXPECT_EQ(PercentDecode("%2e%2E", false), "..");
  EXPECT_EQ(PercentDecode("%4", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%", false), std::nullopt);
  EXPECT_EQ(PercentDecode("%g1", false), std::nullopt);
  EXPECT_EQ(PercentDecode("a%00b", false), std::nullopt);
}

TEST(UrlTest, ParseQuery) {
  auto query = ParseQuery("from=2025-01-01&to=2025%2D02-01&name=a+b&flag&&from=later");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->size(), 4u);
  EXPECT_EQ(query->at("from"), "2025-01-01");  // the first wins
  EXPECT_EQ(query->at("to"), "2025-02-01");
  EXPECT_EQ(query->at("name"), "a b");
  EXPECT_EQ(query->at("flag"), "");
  EXPECT_EQ(ParseQuery("a=%zz"), std::nullopt);
}

TEST(UrlTest, ParseCookies) {
  auto cookies = ParseCookies("reparto_session=abc123; theme=\"dark\";bad; =x; lang=es ");
  EXPECT_EQ(cookies.size(), 3u);
  EXPECT_EQ(cookies["reparto_session"], "abc123");
  EXPECT_EQ(cookies["theme"], "dark");
  EXPECT_EQ(cookies["lang"], "es");
}

TEST(UrlTest, ContentDispositionRfc6266) {
  EXPECT_EQ(ContentDisposition("ES0021_2025.txt"),
            "attachment; filename=\"ES0021_2025.txt\"; filename*=UTF-8''ES0021_2025.txt");
  // ñ is C3 B1 in UTF-8; a quote and a line break never reach the quoted fallback.
  EXPECT_EQ(ContentDisposition("factura ñ \"1\"\r\n.pdf"),
            "attachment; filename=\"factura __ _1___.pdf\"; "
            "filename*=UTF-8''factura%20%C3%B1%20%221%22%0D%0A.pdf");
}

}  // namespace
}  // namespace reparto::http
