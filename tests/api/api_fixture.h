// Shared by the API tests: one demo database per test binary (jobs::CreateDemo in a temp folder,
// with a final billing run so that invoices exist), a router with every API route, and a fake
// authenticator mapping the `x-test-user` header to a principal.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "api/api.h"
#include "core/store.h"
#include "http/event_hub.h"
#include "http/router.h"

namespace reparto::api::testing {

struct DemoWorld {
  std::string folder;
  std::unique_ptr<Store> store;
  std::string community;      // the demo's CAU
  std::string participant_a;  // two consumers
  std::string participant_b;
  std::string invoice_a;                        // a final invoice of participant A
  std::string draft_run;                        // id of a draft billing run
  std::map<std::string, Principal> principals;  // by test user name
  http::EventHub hub;
  ApiContext context;
  http::Router router;
};

// Created on first use, shared by every test of the binary.
DemoWorld& World();

// The other community's id used by the matrix (it does not exist: only admins learn that).
inline constexpr const char* kOtherCommunity = "ES0000000000000000OTHER";

// A request as the server would hand it to the router.
http::Request MakeRequest(std::string method, std::string path, std::string user,
                          std::string body = "");

// Dispatches; the query string of `path` ("?a=b&c=d") is split into Request::query.
http::Response Send(std::string method, std::string path, std::string user, std::string body = "");

}  // namespace reparto::api::testing
