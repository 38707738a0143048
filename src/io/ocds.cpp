// OCDS 1.1: a release package with one release per agreement. The
// agreement's organisations are the release's parties (roles funder, payer,
// payee), the agreement itself the one contract (period, value, milestones),
// its payments milestones of type "payment" (and, once paid, transactions),
// its reporting obligations milestones of type "reporting". OCDS requires a
// contract to name its award, so each release has one award of the same
// value. Amounts are JSON numbers of whole units with the currency; the exact
// öre stand beside them in "samverkan:ore".

#include "standards_common.hpp"

#include <map>
#include <set>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {
namespace {

constexpr std::string_view orgnr_scheme = "SE-BLV";

// samverkan PartyRole → OCDS partyRole code, where OCDS has one.
std::string ocds_role(std::string_view role) {
  if (role == "funder") return "funder";
  if (role == "payer") return "payer";
  if (role == "recipient") return "payee";
  return {};
}

std::optional<std::string> our_role(std::string_view code) {
  if (code == "funder") return "funder";
  if (code == "payer") return "payer";
  if (code == "payee") return "recipient";
  return std::nullopt;
}

std::string milestone_status(std::string_view status) {
  if (status == "met") return "met";
  if (status == "not_met") return "notMet";
  return "scheduled";
}

std::optional<std::string> our_status(std::string_view code) {
  if (code == "met") return "met";
  if (code == "notMet") return "not_met";
  if (code == "scheduled") return "scheduled";
  return std::nullopt;
}

std::string date_time(const json& date) { return stockholm_date_time(date.get<std::string>(), ""); }

bool valid_prefix(std::string_view p) {
  if (p.size() != 11 || !p.starts_with("ocds-")) return false;
  for (const char c : p.substr(5))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

class Writer {
 public:
  Writer(const Corpus& corpus, const ExportOptions& o) : o_(o), tree_(corpus_tree(corpus)) {
    if (!valid_prefix(o.ocid_prefix))
      throw value_error("ocid prefix '" + o.ocid_prefix + "' should be \"ocds-\" and six letters or digits");
    if (!o.date.empty() && !is_date_time(o.date))
      throw value_error("OCDS date '" + o.date + "' should be an RFC 3339 date-time such as 2025-01-31T12:00:00Z");
    date_ = o.date.empty() ? now_utc() : o.date;
    for (const auto& org : tree_["organisations"]) orgs_[org["id"].get<std::string>()] = org;
  }

  std::vector<StandardFile> run() {
    json package = json::object();
    package["uri"] = o_.base_url + "/release-package.json";
    package["version"] = "1.1";
    package["publishedDate"] = date_;
    package["publisher"] = {{"name", o_.publisher}};
    package["releases"] = json::array();
    for (const auto& a : tree_["agreements"]) package["releases"].push_back(release(a));
    if (o_.extensions) {
      json other = other_records(tree_, {"agreements", "organisations"});
      json loose = json::array();
      for (const auto& [id, org] : orgs_)
        if (!named_.count(id)) loose.push_back(org);
      if (!loose.empty()) other["organisations"] = loose;
      if (!other.empty()) package[std::string(ext) + "records"] = other;
    }
    return {{"release-package.json", dump(package)}};
  }

 private:
  json reference(const json& id) const {
    json r = {{"id", id}};
    if (const auto it = orgs_.find(id.get<std::string>()); it != orgs_.end()) r["name"] = it->second.value("name", "");
    return r;
  }

  // The party object of an organisation: name and number in OCDS's fields,
  // the rest of the organisation record beside them.
  json party(const std::string& id, const json& roles, bool listed) {
    json p = json::object();
    p["id"] = id;
    json rest = json::object();
    if (const auto it = orgs_.find(id); it != orgs_.end()) {
      rest = it->second;
      named_.insert(id);
      take(rest, "id");
      p["name"] = take(rest, "name");
      if (const std::string n = take_string(rest, "organisation_number"); !n.empty())
        p["identifier"] = {{"scheme", orgnr_scheme}, {"id", n}};
    }
    json codes = json::array();
    bool all = true;
    for (const auto& role : roles) {
      const std::string code = ocds_role(role.get<std::string>());
      if (code.empty()) all = false;
      else if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    p["roles"] = codes;
    if (o_.extensions) {
      if (!all || !listed) p[std::string(ext) + "roles"] = roles;
      if (!listed) p[std::string(ext) + "party"] = false;
      if (!rest.empty()) p[std::string(ext) + "organisation"] = rest;
      // A party whose organisation the corpus lacks: the reference is kept,
      // no organisation is made up on the way back.
      if (!orgs_.count(id)) p[std::string(ext) + "known"] = false;
    }
    return p;
  }

  json release(json a) {
    const std::string id = take_string(a, "id");
    json rel = json::object();
    rel["ocid"] = o_.ocid_prefix + "-" + id;
    rel["id"] = o_.ocid_prefix + "-" + id + "-1";
    rel["date"] = date_;
    rel["tag"] = json::array({"contract"});
    rel["initiationType"] = "tender";
    rel["language"] = "sv";
    rel["parties"] = json::array();
    std::set<std::string> listed;
    for (const auto& p : take(a, "parties")) {
      rel["parties"].push_back(party(p["organisation"].get<std::string>(), p.value("roles", json::array()), true));
      listed.insert(p["organisation"].get<std::string>());
    }
    // Payers and payees a transaction names must be parties too.
    const auto need = [&](const json& org, const char* role) {
      if (!org.is_string() || listed.count(org.get<std::string>())) return;
      listed.insert(org.get<std::string>());
      rel["parties"].push_back(party(org.get<std::string>(), json::array({role}), false));
    };
    json payments = take(a, "payments");
    for (const auto& p : payments) {
      need(p.contains("payer") ? p["payer"] : json(), "payer");
      need(p.contains("payee") ? p["payee"] : json(), "recipient");
    }

    json contract = json::object();
    contract["id"] = id;
    contract["awardID"] = id + "/award";
    const std::string title = take_string(a, "title");
    if (!title.empty()) contract["title"] = title;
    json validity = take(a, "validity");
    if (validity.is_object() && (validity["start"].is_string() || validity["end"].is_string())) {
      json period = json::object();
      if (validity["start"].is_string()) period["startDate"] = date_time(validity["start"]);
      // The last day of validity counts in full.
      if (validity["end"].is_string())
        period["endDate"] = stockholm_date_time(validity["end"].get<std::string>(), "23:59").substr(0, 17) + "59" +
                            stockholm_date_time(validity["end"].get<std::string>(), "23:59").substr(19);
      contract["period"] = period;
    }
    const json total = take(a, "total");
    if (total.is_object()) contract["value"] = money_value(total, o_.extensions);
    std::string signed_on;
    for (const auto& s : a.value("signatories", json::array()))
      if (s.contains("date") && s["date"].get<std::string>() > signed_on) signed_on = s["date"].get<std::string>();
    if (!signed_on.empty()) contract["dateSigned"] = stockholm_date_time(signed_on, "");

    json milestones = json::array();
    json transactions = json::array();
    for (std::size_t k = 0; k < payments.size(); ++k) {
      json p = payments[k];
      json m = json::object();
      m["id"] = "payment-" + std::to_string(k + 1);
      const std::string block = p.value("block", "");
      m["title"] = block.empty() ? std::string("Utbetalning") : "Utbetalning, block " + block;
      m["type"] = "payment";
      if (const std::string condition = take_string(p, "condition"); !condition.empty()) m["description"] = condition;
      if (p.contains("date")) m["dueDate"] = date_time(p["date"]);
      const std::string status = p.contains("status") ? take_string(p, "status") : std::string("scheduled");
      m["status"] = milestone_status(status);
      json amount = take(p, "amount");
      if (!amount.is_object()) amount = {{"ore", 0}, {"currency", "SEK"}};
      // Milestone.value is OCDS 1.2's; a 1.1 reader ignores it, and a
      // payment made is a transaction as well.
      m["value"] = money_value(amount, o_.extensions);
      if (status == "met") {
        if (p.contains("date")) m["dateMet"] = m["dueDate"];
        json t = json::object();
        t["id"] = m["id"];
        if (p.contains("date")) t["date"] = m["dueDate"];
        t["value"] = money_value(amount, o_.extensions);
        if (const json payer = take(p, "payer"); payer.is_string()) t["payer"] = reference(payer);
        if (const json payee = take(p, "payee"); payee.is_string()) t["payee"] = reference(payee);
        transactions.push_back(std::move(t));
      }
      take(p, "date");
      carry(m, p, o_.extensions);
      milestones.push_back(std::move(m));
    }
    json obligations = take(a, "obligations");
    for (std::size_t k = 0; k < obligations.size(); ++k) {
      json r = obligations[k];
      json m = json::object();
      m["id"] = "reporting-" + std::to_string(k + 1);
      if (const std::string what = take_string(r, "what"); !what.empty()) m["title"] = what;
      m["type"] = "reporting";
      if (const json deadline = take(r, "deadline"); deadline.is_string()) m["dueDate"] = date_time(deadline);
      m["status"] = milestone_status(r.contains("status") ? take_string(r, "status") : std::string("scheduled"));
      carry(m, r, o_.extensions);
      milestones.push_back(std::move(m));
    }
    if (!milestones.empty()) contract["milestones"] = milestones;
    if (!transactions.empty()) {
      contract["implementation"] = {{"transactions", transactions}};
      rel["tag"].push_back("implementation");
    }
    carry(contract, a, o_.extensions);

    json award = json::object();
    award["id"] = id + "/award";
    if (!title.empty()) award["title"] = title;
    award["status"] = "active";
    if (contract.contains("value")) award["value"] = contract["value"];
    rel["awards"] = json::array({award});
    rel["contracts"] = json::array({contract});
    return rel;
  }

  const ExportOptions& o_;
  json tree_;
  std::string date_;
  std::map<std::string, json> orgs_;
  std::set<std::string> named_;
};

class OcdsReader {
 public:
  StandardImport run(const std::vector<StandardFile>& files) {
    for (const auto& f : files) read(parse_document(f.text, f.path), f.path);
    for (auto& [id, org] : orgs_) tree_["organisations"].push_back(std::move(org));
    StandardImport out;
    out.corpus = corpus_from_tree(std::move(tree_), "OCDS import");
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  static std::string agreement_id(const std::string& ocid) {
    // "ocds-abc123-" and the agreement's id; another publisher's ocid whole.
    if (ocid.size() > 12 && valid_prefix(std::string_view(ocid).substr(0, 11)) && ocid[11] == '-')
      return ocid.substr(12);
    return ocid;
  }

  void read(const json& doc, const std::string& path) {
    if (!doc.is_object() || !doc.contains("releases") || !doc["releases"].is_array())
      throw parse_error("an OCDS release package should be an object with an array 'releases'", path);
    for (std::size_t i = 0; i < doc["releases"].size(); ++i)
      release(doc["releases"][i], path + ": releases[" + std::to_string(i) + "]");
    if (const auto it = doc.find(std::string(ext) + "records"); it != doc.end()) {
      json records = *it;
      // Organisations named by no release come back here; the ones a release
      // named are already known.
      if (records.contains("organisations")) {
        for (const auto& org : records["organisations"])
          if (org.is_object() && org.contains("id") && org["id"].is_string() && !orgs_.count(org["id"].get<std::string>()))
            orgs_[org["id"].get<std::string>()] = org;
        records.erase("organisations");
      }
      add_other_records(tree_, records, path);
    }
  }

  std::string party(const json& obj, const std::string& where, json& agreement) {
    Reader in(obj, "ocds", where);
    const json id = in.take("id");
    if (!id.is_string() || id.get<std::string>().empty()) in.fail("id", "a party needs an id");
    const std::string oid = id.get<std::string>();
    json org = json::object();
    org["id"] = oid;
    org["name"] = in.string("name");
    if (const json ident = in.object("identifier"); ident.is_object()) {
      if (text_of(ident, "scheme") == orgnr_scheme && ident.contains("id") && ident["id"].is_string())
        org["organisation_number"] = ident["id"];
      else org["extensions"]["ocds.identifier"] = ident.dump();
    }
    const json codes = in.array("roles");
    json roles = json::array();
    json odd = json::array();
    for (const auto& c : codes) {
      const auto r = c.is_string() ? our_role(c.get<std::string>()) : std::nullopt;
      if (r) roles.push_back(*r);
      else odd.push_back(c);
    }
    if (const json known = in.take(std::string(ext) + "roles"); known.is_array()) roles = known;
    const json listed = in.take(std::string(ext) + "party");
    const json known = in.take(std::string(ext) + "known");
    if (const json rest = in.take(std::string(ext) + "organisation"); rest.is_object())
      for (const auto& [k, v] : rest.items()) org[k] = v;
    in.restore(org);
    in.leftovers(org);
    if (!odd.empty()) org["extensions"]["ocds.roles"] = odd.dump();
    if (!orgs_.count(oid) && !(known.is_boolean() && !known.get<bool>())) orgs_[oid] = org;
    if (!(listed.is_boolean() && !listed.get<bool>())) agreement["parties"].push_back({{"organisation", oid}, {"roles", roles}});
    return oid;
  }

  static json money(Reader& in, const char* key) {
    const json v = in.take(key);
    if (v.is_null()) return nullptr;
    return value_money(v, in.where() + "." + key);
  }

  void release(const json& obj, const std::string& where) {
    Reader in(obj, "ocds", where);
    const std::string ocid = in.string("ocid");
    if (ocid.empty()) in.fail("ocid", "a release needs its ocid");
    json a = json::object();
    a["id"] = agreement_id(ocid);
    a["parties"] = json::array();
    for (const char* k : {"id", "date", "tag", "initiationType", "language"}) in.take(k);
    const json parties = in.array("parties");
    for (std::size_t i = 0; i < parties.size(); ++i)
      party(parties[i], where + ".parties[" + std::to_string(i) + "]", a);
    const json awards = in.array("awards");  // the award repeats the contract
    const json contracts = in.array("contracts");
    if (contracts.size() > 1) a["extensions"]["ocds.contracts"] = json(json(contracts.begin() + 1, contracts.end())).dump();
    if (awards.size() > 1) a["extensions"]["ocds.awards"] = awards.dump();
    if (!contracts.empty()) contract(contracts[0], where + ".contracts[0]", a);
    in.restore(a);
    in.leftovers(a);
    tree_["agreements"].push_back(std::move(a));
  }

  void contract(const json& obj, const std::string& where, json& a) {
    Reader in(obj, "ocds", where);
    in.take("id");
    in.take("awardID");
    in.take("dateSigned");  // the signatories' latest date
    if (const std::string t = in.string("title"); !t.empty()) a["title"] = t;
    if (const json period = in.object("period"); period.is_object()) {
      json v = {{"start", nullptr}, {"end", nullptr}};
      if (period.contains("startDate") && period["startDate"].is_string()) v["start"] = date_part(period["startDate"].get<std::string>());
      if (period.contains("endDate") && period["endDate"].is_string()) v["end"] = date_part(period["endDate"].get<std::string>());
      for (const char* k : {"start", "end"})
        if (v[k] == "") v[k] = nullptr;
      a["validity"] = v;
    }
    if (json total = money(in, "value"); !total.is_null()) a["total"] = total;
    std::map<std::string, json> paid;  // transaction id -> transaction
    json loose = json::array();
    if (const json impl = in.object("implementation"); impl.is_object()) {
      json rest = impl;
      json transactions = take(rest, "transactions");
      if (!transactions.is_null() && !transactions.is_array())
        throw parse_error("implementation.transactions: should be an array", where);
      for (const auto& t : transactions) {
        if (!t.is_object() || !t.contains("id")) throw parse_error("implementation.transactions: each needs an id", where);
        paid[t["id"].is_string() ? t["id"].get<std::string>() : t["id"].dump()] = t;
      }
      if (!rest.empty()) a["extensions"]["ocds.implementation"] = rest.dump();
    }
    const json milestones = in.array("milestones");
    json other = json::array();
    for (std::size_t k = 0; k < milestones.size(); ++k) {
      const std::string mw = where + ".milestones[" + std::to_string(k) + "]";
      Reader m(milestones[k], "ocds", mw);
      const std::string type = m.string("type");
      if (type != "payment" && type != "reporting") {
        other.push_back(milestones[k]);
        continue;
      }
      const json mid = m.take("id");
      const std::string status_code = m.string("status");
      const auto status = our_status(status_code);
      if (!status_code.empty() && !status) m.fail("status", "'" + status_code + "' is not a milestone status");
      const std::string due = date_part(m.string("dueDate"));
      if (type == "reporting") {
        json r = json::object();
        r["what"] = m.string("title");
        if (!due.empty()) r["deadline"] = due;
        r["status"] = status.value_or("scheduled");
        m.restore(r);
        m.leftovers(r);
        a["obligations"].push_back(std::move(r));
        continue;
      }
      json p = json::object();
      m.take("title");
      m.take("dateMet");
      p["condition"] = m.string("description");
      if (!due.empty()) p["date"] = due;
      p["status"] = status.value_or("scheduled");
      json value = money(m, "value");
      const std::string key = mid.is_string() ? mid.get<std::string>() : mid.dump();
      if (const auto t = paid.find(key); t != paid.end()) {
        transaction_into(t->second, p, mw);
        if (value.is_null() && t->second.contains("value")) value = value_money(t->second["value"], mw);
        paid.erase(t);
      }
      if (value.is_null()) m.fail("value", "a payment milestone needs its value (or a transaction of the same id)");
      p["amount"] = value;
      m.restore(p);
      m.leftovers(p);
      a["payments"].push_back(std::move(p));
    }
    // Transactions no milestone names: payments made.
    for (const auto& [id, t] : paid) {
      json p = json::object();
      p["status"] = "met";
      if (!t.contains("value") && !t.contains("amount"))
        throw parse_error("transaction " + id + " has no value", where);
      p["amount"] = value_money(t.contains("value") ? t["value"] : t["amount"], where + ".transactions." + id);
      if (t.contains("date") && t["date"].is_string()) p["date"] = date_part(t["date"].get<std::string>());
      transaction_into(t, p, where);
      p["extensions"]["ocds.transaction"] = json(id).dump();
      a["payments"].push_back(std::move(p));
    }
    if (!other.empty()) a["extensions"]["ocds.milestones"] = other.dump();
    in.restore(a);
    in.leftovers(a);
  }

  static void transaction_into(const json& t, json& p, const std::string& where) {
    for (const char* side : {"payer", "payee"}) {
      if (!t.contains(side)) continue;
      if (!t[side].is_object() || !t[side].contains("id") || !t[side]["id"].is_string())
        throw parse_error(std::string(side) + ": should be an organization reference with an id", where);
      p[side] = t[side]["id"];
    }
  }

  json tree_ = json::object();
  std::map<std::string, json> orgs_;
  std::vector<std::string> warnings_;
};

}  // namespace

std::vector<StandardFile> export_ocds(const Corpus& corpus, const ExportOptions& options) {
  return Writer(corpus, options).run();
}

StandardImport import_ocds(const std::vector<StandardFile>& files) { return OcdsReader().run(files); }

}  // namespace standards
SAMVERKAN_END_NAMESPACE
