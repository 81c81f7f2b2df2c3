// ESIOS indicator JSON reader (see price_files.h): values in €/MWh → PriceSeries in µ€/kWh.
//
// nlohmann's SAX interface hands over each number's text as written, so prices are converted
// digit by digit (never through a double). A tiny tree of nodes keeps what the reader needs.
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/price_files.h"
#include "ingest/price_values.h"
#include "ingest/text.h"

namespace reparto {
namespace {

struct Node {
  enum class Kind { kNull, kBool, kNumber, kString, kObject, kArray };
  Kind kind = Kind::kNull;
  std::string text;  // number as written, string content, "true"/"false"
  std::vector<std::pair<std::string, Node>> members;
  std::vector<Node> items;

  const Node* Find(std::string_view key) const {
    for (const auto& [name, node] : members) {
      if (name == key) return &node;
    }
    return nullptr;
  }
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return Leaf(Node::Kind::kNull, ""); }
  bool boolean(bool value) override { return Leaf(Node::Kind::kBool, value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override {
    return Leaf(Node::Kind::kNumber, std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Leaf(Node::Kind::kNumber, std::to_string(value));
  }
  bool number_float(number_float_t, const string_t& text) override {
    return Leaf(Node::Kind::kNumber, text);
  }
  bool string(string_t& value) override { return Leaf(Node::Kind::kString, value); }
  bool binary(binary_t&) override { return Leaf(Node::Kind::kNull, ""); }
  bool start_object(std::size_t) override { return Open(Node::Kind::kObject); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(Node::Kind::kArray); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    keys_.push_back(name);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception& ex) override {
    error_ = ex.what();
    // "[json.exception.parse_error.101] parse error at line 3, ..." → "parse error at line 3, ..."
    const std::size_t bracket = error_.find("] ");
    if (bracket != std::string::npos) error_ = error_.substr(bracket + 2);
    return false;
  }

  Node& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  bool Leaf(Node::Kind kind, std::string text) {
    Node node;
    node.kind = kind;
    node.text = std::move(text);
    Attach(std::move(node));
    return true;
  }
  bool Open(Node::Kind kind) {
    Node node;
    node.kind = kind;
    stack_.push_back(std::move(node));
    return true;
  }
  bool Close() {
    Node node = std::move(stack_.back());
    stack_.pop_back();
    Attach(std::move(node));
    return true;
  }
  void Attach(Node node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Node& parent = stack_.back();
    if (parent.kind == Node::Kind::kObject) {
      parent.members.emplace_back(std::move(keys_.back()), std::move(node));
      keys_.pop_back();
    } else {
      parent.items.push_back(std::move(node));
    }
  }

  Node root_;
  std::vector<Node> stack_;
  std::vector<std::string> keys_;
  std::string error_;
};

const std::string* StringAt(const Node& object, std::string_view key) {
  const Node* node = object.Find(key);
  return node != nullptr && node->kind == Node::Kind::kString ? &node->text : nullptr;
}

// The step told by the indicator's "tiempo" ("Hora" → 3600, quarter-hours → 900), 0 if unknown.
int StepOf(const Node& indicator) {
  const Node* tiempo = indicator.Find("tiempo");
  if (tiempo == nullptr || tiempo->kind != Node::Kind::kArray || tiempo->items.empty()) return 0;
  const std::string* name = StringAt(tiempo->items[0], "name");
  if (name == nullptr) return 0;
  const std::string normalized = ingest::NormalizeHeader(*name);
  if (normalized == "hora" || normalized == "hour") return 3600;
  if (normalized.find("15") != std::string::npos ||
      normalized.find("quince") != std::string::npos ||
      normalized.find("cuarto") != std::string::npos) {
    return 900;
  }
  return 0;
}

}  // namespace

Result<std::vector<PriceSeries>> ParseEsiosJson(std::string_view text, const std::string& source) {
  TreeBuilder tree;
  if (!nlohmann::json::sax_parse(text, &tree)) {
    return Status::Error(source + ": " + tree.error());
  }
  const Node& root = tree.root();
  const Node* indicator = root.kind == Node::Kind::kObject ? root.Find("indicator") : nullptr;
  if (indicator == nullptr || indicator->kind != Node::Kind::kObject) {
    return Status::Error(source +
                         ": expected an ESIOS indicator object {\"indicator\": {\"id\": ..., "
                         "\"values\": [...]}}");
  }
  const Node* id = indicator->Find("id");
  if (id == nullptr || id->kind != Node::Kind::kNumber) {
    return Status::Error(source + ": indicator: expected a numeric \"id\"");
  }
  const std::string prefix = source + ": indicator " + id->text;

  // Unit: ESIOS magnitude 23 is "Precio", in €/MWh.
  const Node* magnitud = indicator->Find("magnitud");
  if (magnitud == nullptr || magnitud->kind != Node::Kind::kArray || magnitud->items.empty()) {
    return Status::Error(prefix +
                         ": no \"magnitud\"; cannot tell the unit (expected magnitude 23, price "
                         "in €/MWh)");
  }
  const Node* magnitude_id = magnitud->items[0].Find("id");
  if (magnitude_id == nullptr || magnitude_id->text != "23") {
    const std::string* name = StringAt(magnitud->items[0], "name");
    return Status::Error(prefix + ": magnitude " + ingest::Quote(name ? *name : "") + " (id " +
                         (magnitude_id ? magnitude_id->text : std::string("none")) +
                         ") is not a price in €/MWh (magnitude 23)");
  }

  const Node* values = indicator->Find("values");
  if (values == nullptr || values->kind != Node::Kind::kArray) {
    return Status::Error(prefix + ": expected a \"values\" array");
  }
  const int step = StepOf(*indicator);
  // One builder per geo_id, in order of first appearance.
  std::vector<std::string> geo_order;
  std::map<std::string, ingest::SeriesBuilder> builders;
  ingest::UnitCheck check(ingest::PriceUnit::kEurPerMWh);
  for (std::size_t i = 0; i < values->items.size(); ++i) {
    const Node& item = values->items[i];
    std::string where = source + ": values[" + std::to_string(i) + "]";
    if (item.kind != Node::Kind::kObject) return Status::Error(where + ": expected an object");
    const std::string* datetime = StringAt(item, "datetime");
    const std::string* datetime_utc = StringAt(item, "datetime_utc");
    const std::string* tz_time = StringAt(item, "tz_time");
    const std::string* when = datetime != nullptr ? datetime : datetime_utc;
    if (when == nullptr) {
      return Status::Error(where + ": expected \"datetime\" or \"datetime_utc\"");
    }
    where += " (" + *when + ")";
    auto start = ParseIsoInstant(*when);
    if (!start.ok()) return start.status().WithContext(where);
    if (tz_time != nullptr) {
      auto check_time = ParseIsoInstant(*tz_time);
      if (!check_time.ok()) return check_time.status().WithContext(where + ": tz_time");
      if (*check_time != *start) {
        return Status::Error(where + ": tz_time " + *tz_time + " is not the same instant");
      }
    }
    const Node* value = item.Find("value");
    if (value == nullptr || value->kind != Node::Kind::kNumber) {
      return Status::Error(where + ": expected a numeric \"value\" (€/MWh)");
    }
    const ingest::PriceText price =
        ingest::ParsePriceText(value->text, '.', ingest::PriceUnit::kEurPerMWh);
    if (!price.ok) return Status::Error(where + ": " + price.error);
    REPARTO_RETURN_IF_ERROR(check.Add(price.value, value->text, where));

    const Node* geo = item.Find("geo_id");
    const std::string geo_id = geo != nullptr ? geo->text : "";
    auto found = builders.find(geo_id);
    if (found == builders.end()) {
      geo_order.push_back(geo_id);
      found = builders.emplace(geo_id, ingest::SeriesBuilder("", step)).first;
    }
    REPARTO_RETURN_IF_ERROR(found->second.Add(*start, price.value, where));
  }
  if (values->items.empty()) return Status::Error(prefix + ": no values");
  REPARTO_RETURN_IF_ERROR(check.Finish(source, "values"));

  std::vector<PriceSeries> out;
  for (const std::string& geo_id : geo_order) {
    auto series = builders.at(geo_id).Finish(source);
    if (!series.ok()) return series.status();
    series->name = "esios-" + id->text;
    if (geo_order.size() > 1) series->name += "-" + geo_id;
    out.push_back(std::move(*series));
  }
  return out;
}

}  // namespace reparto
