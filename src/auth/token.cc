// Session tokens, their hashes and CSRF tokens with libsodium: see token.h.
#include "auth/token.h"

#include <sodium.h>

#include <array>
#include <cstdlib>

#include "auth/password.h"

namespace reparto::auth {
namespace {

// The key of the CSRF derivation: a fixed context, not a secret (the session token is).
constexpr char kCsrfContext[crypto_generichash_KEYBYTES + 1] = "reparto csrf token v1 ..........";

void RequireSodium() {
  // Without a working CSPRNG there is no safe token to give: stop rather than hand out a weak one.
  if (!InitSodium().ok()) std::abort();
}

}  // namespace

std::string Base64Url(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string NewSessionToken() {
  RequireSodium();
  std::array<unsigned char, 32> random{};
  randombytes_buf(random.data(), random.size());
  std::string token =
      Base64Url(std::string_view(reinterpret_cast<const char*>(random.data()), random.size()));
  sodium_memzero(random.data(), random.size());
  return token;
}

std::string TokenHash(std::string_view token) {
  RequireSodium();
  std::array<unsigned char, 32> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  std::string hex(hash.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  hex.pop_back();
  return hex;
}

std::string CsrfTokenFor(std::string_view session_token) {
  RequireSodium();
  std::array<unsigned char, 32> mac{};
  crypto_generichash(mac.data(), mac.size(),
                     reinterpret_cast<const unsigned char*>(session_token.data()),
                     session_token.size(), reinterpret_cast<const unsigned char*>(kCsrfContext),
                     crypto_generichash_KEYBYTES);
  return Base64Url(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
}

bool LooksLikeSessionToken(std::string_view token) {
  if (token.size() != kSessionTokenLength) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  RequireSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace reparto::auth
