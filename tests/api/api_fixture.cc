// The API tests' shared demo world: see api_fixture.h.
#include "api_fixture.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "jobs/billing_job.h"
#include "jobs/demo_job.h"
#include "jobs/open_store.h"

namespace reparto::api::testing {
namespace {

// 2026-03-15T12:00:00Z: after the demo's year, so the live feed replays 2025-03-15.
constexpr UtcSeconds kNow = 1773576000;

Principal Member(std::int64_t id, const std::string& community, const std::string& participant) {
  Principal p;
  p.user = {.id = id, .email = "member" + std::to_string(id) + "@test", .role = UserRole::kMember};
  p.grants = {{community, participant}};
  return p;
}

Principal Manager(std::int64_t id, const std::string& community) {
  Principal p;
  p.user = {
      .id = id, .email = "manager" + std::to_string(id) + "@test", .role = UserRole::kManager};
  p.grants = {{community, ""}};
  return p;
}

DemoWorld* Build() {
  auto* world = new DemoWorld;
  char pattern[] = "/tmp/reparto-api-test-XXXXXX";
  if (mkdtemp(pattern) == nullptr) std::abort();
  world->folder = pattern;
  auto store = jobs::OpenStore(world->folder + "/demo.db");
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    std::abort();
  }
  world->store = std::move(*store);
  auto demo = jobs::CreateDemo(*world->store, {.year = 2025, .now = kNow});
  if (!demo.ok()) {
    std::fprintf(stderr, "demo: %s\n", demo.status().message().c_str());
    std::abort();
  }
  world->community = demo->community_id;
  auto stored = world->store->LoadCommunity(world->community);
  for (const StoredParticipant& sp : (**stored).participants) {
    if (sp.participant.role != Role::kConsumer) continue;
    if (world->participant_a.empty()) {
      world->participant_a = sp.participant.id;
    } else if (world->participant_b.empty()) {
      world->participant_b = sp.participant.id;
    }
  }
  // A final run (invoices) for June and a draft for July.
  const std::string now_iso = FormatIsoInstant(kNow, 0, true);
  auto june = jobs::PreviewBillingRun(*world->store, world->community, {2025, 6, 1}, now_iso);
  if (!june.ok()) {
    std::fprintf(stderr, "preview: %s\n", june.status().message().c_str());
    std::abort();
  }
  auto final_run = jobs::FinaliseBillingRun(*world->store, world->community, {2025, 6, 1},
                                            {2025, 7, 1}, now_iso);
  if (!final_run.ok()) {
    std::fprintf(stderr, "finalise: %s\n", final_run.status().message().c_str());
    std::abort();
  }
  for (const Invoice& i : final_run->invoices) {
    if (i.participant == world->participant_a) world->invoice_a = i.number_text;
  }
  auto july = jobs::PreviewBillingRun(*world->store, world->community, {2025, 7, 1}, now_iso);
  if (!july.ok()) std::abort();
  world->draft_run = std::to_string(july->run.id);

  world->principals["member_a"] = Member(1, world->community, world->participant_a);
  world->principals["member_b"] = Member(2, world->community, world->participant_b);
  world->principals["manager"] = Manager(3, world->community);
  world->principals["other_manager"] = Manager(4, kOtherCommunity);
  Principal admin;
  admin.user = {.id = 5, .email = "admin@test", .role = UserRole::kAdmin};
  world->principals["admin"] = admin;

  world->context.store = [world]() -> Store& { return *world->store; };
  world->context.now = [] { return kNow; };
  world->context.events = &world->hub;
  // The demo's own accounts (admin, manager, two members) in the store; a fast stand-in hash (the
  // real Argon2id is tested in tests/auth).
  world->context.auth_store = [world]() -> AuthStore* { return &world->store->Auth(); };
  world->context.hash_password = [](std::string_view password) -> Result<std::string> {
    return "$test$" + std::string(password);
  };
  world->context.authenticate =
      [world](const http::Request& request) -> std::variant<Principal, http::Response> {
    auto it = world->principals.find(request.Header("x-test-user"));
    if (it == world->principals.end()) {
      return http::JsonError(401, "unauthorized", "not signed in");
    }
    return it->second;
  };
  AddRoutes(world->router, world->context);
  return world;
}

}  // namespace

std::string& FolderToRemove() {
  static std::string folder;
  return folder;
}

DemoWorld& World() {
  static DemoWorld* world = [] {
    DemoWorld* built = Build();
    FolderToRemove() = built->folder;
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(FolderToRemove(), ignored);
    });
    return built;
  }();
  return *world;
}

http::Request MakeRequest(std::string method, std::string path, std::string user,
                          std::string body) {
  http::Request request;
  request.method = std::move(method);
  if (const auto question = path.find('?'); question != std::string::npos) {
    std::string query = path.substr(question + 1);
    path = path.substr(0, question);
    std::size_t start = 0;
    while (start < query.size()) {
      std::size_t end = query.find('&', start);
      if (end == std::string::npos) end = query.size();
      const std::string pair = query.substr(start, end - start);
      const auto eq = pair.find('=');
      request.query[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
      start = end + 1;
    }
  }
  request.path = std::move(path);
  if (!user.empty()) request.headers["x-test-user"] = std::move(user);
  request.body = std::move(body);
  request.remote_address = "127.0.0.1";
  return request;
}

http::Response Send(std::string method, std::string path, std::string user, std::string body) {
  http::Request request =
      MakeRequest(std::move(method), std::move(path), std::move(user), std::move(body));
  http::Response response = World().router.Dispatch(request);
  if (response.shared_body) response.body = *response.shared_body;  // as the server sends it
  return response;
}

}  // namespace reparto::api::testing
