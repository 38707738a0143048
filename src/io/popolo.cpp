// Popolo: one document with the arrays persons, organizations, memberships,
// events (one per meeting), motions (one per recorded vote: the question put)
// and vote_events (the vote on it, with its counts and the individual votes).
// Popolo has no extension mechanism of its own and its schemas allow further
// properties; the rest of each record travels as "samverkan:<field>".

#include "standards_common.hpp"

#include <map>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {
namespace {

// org-id.guide's scheme for Swedish organisation numbers (Bolagsverket).
constexpr std::string_view orgnr_scheme = "SE-BLV";
constexpr std::string_view motion_infix = "/motion/";

// A date, or a date and time in Swedish time with its offset (Popolo's
// pattern wants a zone whenever there is a time).
std::string event_date(const json& r, std::string_view time_key) {
  const std::string date = r.value("date", "");
  const std::string t = r.value(std::string(time_key), "");
  return t.empty() ? date : stockholm_date_time(date, t);
}

std::vector<StandardFile> write(const Corpus& corpus, const ExportOptions& o) {
  json tree = corpus_tree(corpus);
  json doc = json::object();
  doc["persons"] = json::array();
  doc["organizations"] = json::array();
  doc["memberships"] = json::array();
  doc["events"] = json::array();
  doc["motions"] = json::array();
  doc["vote_events"] = json::array();

  for (json r : tree["organisations"]) {
    json p = json::object();
    p["id"] = take(r, "id");
    p["name"] = take(r, "name");
    for (const auto& a : take(r, "aliases")) p["other_names"].push_back({{"name", a}});
    if (const std::string n = take_string(r, "organisation_number"); !n.empty())
      p["identifiers"] = json::array({{{"scheme", orgnr_scheme}, {"identifier", n}}});
    p["classification"] = r.contains("kind") ? take(r, "kind") : json("other");
    if (const json parent = take(r, "parent"); parent.is_string()) p["parent_id"] = parent;
    carry(p, r, o.extensions);
    doc["organizations"].push_back(std::move(p));
  }
  for (json r : tree["people"]) {
    json p = json::object();
    p["id"] = take(r, "id");
    p["name"] = take(r, "name");
    carry(p, r, o.extensions);
    doc["persons"].push_back(std::move(p));
  }
  for (json r : tree["memberships"]) {
    json p = json::object();
    p["id"] = take(r, "id");
    p["person_id"] = take(r, "person");
    p["organization_id"] = take(r, "organisation");
    const std::string role = r.contains("role") ? take_string(r, "role") : std::string("member");
    const std::string title = take_string(r, "role_title");
    p["role"] = title.empty() ? role : title;
    if (!title.empty()) r["role"] = role;
    if (json period = take(r, "period"); period.is_object()) {
      if (period["start"].is_string()) p["start_date"] = period["start"];
      if (period["end"].is_string()) p["end_date"] = period["end"];
    }
    if (const json behalf = take(r, "on_behalf_of"); behalf.is_string()) p["on_behalf_of_id"] = behalf;
    carry(p, r, o.extensions);
    doc["memberships"].push_back(std::move(p));
  }
  for (json r : tree["meetings"]) {
    json e = json::object();
    const json id = take(r, "id");
    e["id"] = id;
    if (const std::string title = take_string(r, "title"); !title.empty()) e["name"] = title;
    e["classification"] = "meeting";
    if (r.contains("date")) {
      e["start_date"] = event_date(r, "start");
      if (r.contains("end")) e["end_date"] = event_date(r, "end");
      take(r, "date");
      take(r, "start");
      take(r, "end");
    }
    if (const std::string place = take_string(r, "place"); !place.empty()) e["location"] = place;
    const json body = take(r, "body");
    e["organization_id"] = body;
    if (json attendance = take(r, "attendance"); attendance.is_array() && !attendance.empty()) {
      bool plain = true;
      for (const auto& a : attendance) {
        if (!a.contains("status") || a["status"] == "present") e["attendees"].push_back({{"id", a["person"]}});
        const bool present_only = a.size() == (a.contains("status") ? 2U : 1U) &&
                                  (!a.contains("status") || a["status"] == "present");
        if (!present_only) plain = false;
      }
      if (!plain) r["attendance"] = attendance;
    }
    // Votes become motions and vote events; the rest of the items travel whole.
    json items = take(r, "items");
    for (auto& item : items) {
      for (auto& d : item["decisions"]) {
        json votes = take(d, "votes");
        for (std::size_t k = 0; k < votes.size(); ++k) {
          json v = votes[k];
          const std::string mid = d["id"].get<std::string>() + std::string(motion_infix) + std::to_string(k + 1);
          json m = json::object();
          m["id"] = mid;
          m["organization_id"] = d.contains("body") ? d["body"] : body;
          m["legislative_session_id"] = id;
          if (const std::string q = take_string(v, "question"); !q.empty()) m["text"] = q;
          if (item.contains("number")) m["identifier"] = item["number"];
          json ve = json::object();
          ve["id"] = mid + "/vote";
          ve["motion_id"] = mid;
          ve["organization_id"] = m["organization_id"];
          ve["legislative_session_id"] = id;
          ve["counts"] = json::array();
          for (const char* option : {"yes", "no", "abstain"})
            ve["counts"].push_back({{"option", option}, {"value", v.contains(option) ? take(v, option) : json(0)}});
          for (const auto& cast : take(v, "votes"))
            ve["votes"].push_back({{"voter_id", cast["person"]}, {"option", cast.value("option", "yes")}});
          carry(ve, v, o.extensions);
          doc["motions"].push_back(std::move(m));
          doc["vote_events"].push_back(std::move(ve));
        }
      }
    }
    if (!items.empty()) r["items"] = items;
    carry(e, r, o.extensions);
    doc["events"].push_back(std::move(e));
  }
  if (o.extensions) {
    json other = other_records(tree, {"organisations", "people", "memberships", "meetings"});
    if (!other.empty()) doc[std::string(ext) + "records"] = other;
  }
  return {{"popolo.json", dump(doc)}};
}

class PopoloReader {
 public:
  StandardImport run(const std::vector<StandardFile>& files) {
    for (const auto& f : files) read(parse_document(f.text, f.path), f.path);
    StandardImport out;
    out.corpus = corpus_from_tree(std::move(tree_), "Popolo import");
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  static json list(const json& doc, const char* key, const std::string& path) {
    const auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return json::array();
    if (!it->is_array()) throw parse_error(std::string(key) + ": should be an array", path);
    return *it;
  }
  static std::string id(Reader& in) {
    const json v = in.take("id");
    if (!v.is_string() || v.get<std::string>().empty()) in.fail("id", "every object needs an id");
    return v.get<std::string>();
  }

  void read(const json& doc, const std::string& path) {
    if (!doc.is_object()) throw parse_error("a Popolo document should be an object of arrays", path);
    const auto at = [&](const char* key, std::size_t i) { return path + ": " + key + "[" + std::to_string(i) + "]"; };
    const json orgs = list(doc, "organizations", path);
    for (std::size_t i = 0; i < orgs.size(); ++i) {
      Reader in(orgs[i], "popolo", at("organizations", i));
      json r = json::object();
      r["id"] = id(in);
      r["name"] = in.string("name");
      for (const auto& n : in.array("other_names"))
        if (n.is_object() && n.contains("name") && n["name"].is_string()) r["aliases"].push_back(n["name"]);
      json identifiers = in.array("identifiers");
      json others = json::array();
      for (const auto& ident : identifiers) {
        if (text_of(ident, "scheme") == orgnr_scheme && !r.contains("organisation_number") &&
            ident.contains("identifier") && ident["identifier"].is_string())
          r["organisation_number"] = ident["identifier"];
        else others.push_back(ident);
      }
      if (!others.empty()) r["extensions"]["popolo.identifiers"] = others.dump();
      const std::string classification = in.string("classification");
      if (const auto kind = try_from_string<OrganisationKind>(classification)) r["kind"] = std::string(to_string(*kind));
      else if (!classification.empty()) r["extensions"]["popolo.classification"] = json(classification).dump();
      if (const std::string parent = in.string("parent_id"); !parent.empty()) r["parent"] = parent;
      in.restore(r);
      in.leftovers(r);
      tree_["organisations"].push_back(std::move(r));
    }
    const json persons = list(doc, "persons", path);
    for (std::size_t i = 0; i < persons.size(); ++i) {
      Reader in(persons[i], "popolo", at("persons", i));
      json r = json::object();
      r["id"] = id(in);
      r["name"] = in.string("name");
      in.restore(r);
      in.leftovers(r);
      tree_["people"].push_back(std::move(r));
    }
    const json memberships = list(doc, "memberships", path);
    for (std::size_t i = 0; i < memberships.size(); ++i) {
      Reader in(memberships[i], "popolo", at("memberships", i));
      json r = json::object();
      r["id"] = id(in);
      r["person"] = in.string("person_id");
      r["organisation"] = in.string("organization_id");
      if (r["person"] == "") in.fail("person_id", "a membership needs its person");
      if (r["organisation"] == "") in.fail("organization_id", "a membership needs its organization");
      const std::string role_text = in.string("role");
      const json known = in.take(std::string(ext) + "role");
      auto role = try_from_string<MembershipRole>(known.is_string() ? known.get<std::string>() : role_text);
      if (!role) role = role_text.empty() ? MembershipRole::member : MembershipRole::other;
      r["role"] = std::string(to_string(*role));
      if (known.is_string() || (!role_text.empty() && role_text != to_string(*role))) r["role_title"] = role_text;
      json period = {{"start", nullptr}, {"end", nullptr}};
      if (const auto s = date_part(in.string("start_date")); !s.empty()) period["start"] = s;
      if (const auto e = date_part(in.string("end_date")); !e.empty()) period["end"] = e;
      r["period"] = period;
      if (const std::string behalf = in.string("on_behalf_of_id"); !behalf.empty()) r["on_behalf_of"] = behalf;
      in.restore(r);
      in.leftovers(r);
      tree_["memberships"].push_back(std::move(r));
    }
    const json events = list(doc, "events", path);
    for (std::size_t i = 0; i < events.size(); ++i) {
      Reader in(events[i], "popolo", at("events", i));
      json r = json::object();
      r["id"] = id(in);
      r["title"] = in.string("name");
      if (const std::string c = in.string("classification"); c != "meeting" && !c.empty())
        r["extensions"]["popolo.classification"] = json(c).dump();
      const std::string start = in.string("start_date");
      if (!start.empty()) {
        const auto date = date_part(start);
        if (date.empty()) in.fail("start_date", "'" + start + "' is not an ISO 8601 date");
        r["date"] = date;
        if (const auto t = time_part(start); !t.empty()) r["start"] = t;
      }
      if (const std::string end = in.string("end_date"); !end.empty()) {
        if (const auto t = time_part(end); !t.empty()) r["end"] = t;
        if (date_part(end) != text_of(r, "date") || time_part(end).empty())
          r["extensions"]["popolo.end_date"] = json(end).dump();
      }
      r["place"] = in.string("location");
      r["body"] = in.string("organization_id");
      if (r["body"] == "") in.fail("organization_id", "an event needs the organization that met");
      for (const auto& a : in.array("attendees"))
        if (a.is_object() && a.contains("id") && a["id"].is_string()) r["attendance"].push_back({{"person", a["id"]}});
      in.restore(r);
      in.leftovers(r);
      meetings_[r["id"].get<std::string>()] = tree_["meetings"].size();
      tree_["meetings"].push_back(std::move(r));
    }
    // Motions by id, then their vote events onto the decisions.
    const json motions = list(doc, "motions", path);
    std::map<std::string, std::pair<json, std::string>> motion_by_id;
    for (std::size_t i = 0; i < motions.size(); ++i) {
      if (!motions[i].is_object() || !motions[i].contains("id") || !motions[i]["id"].is_string())
        throw parse_error("id: every object needs an id", at("motions", i));
      motion_by_id[motions[i]["id"].get<std::string>()] = {motions[i], at("motions", i)};
    }
    const json vote_events = list(doc, "vote_events", path);
    std::map<std::string, bool> used;
    for (std::size_t i = 0; i < vote_events.size(); ++i) {
      const std::string where = at("vote_events", i);
      Reader in(vote_events[i], "popolo", where);
      in.take("id");
      const std::string motion_id = in.string("motion_id");
      in.take("organization_id");
      const std::string session = in.string("legislative_session_id");
      json vote = json::object();
      json odd = json::array();
      for (const auto& c : in.array("counts")) {
        if (!c.is_object() || !c.contains("option") || !c["option"].is_string() || !c.contains("value") ||
            !c["value"].is_number_unsigned())
          throw parse_error("counts: each count needs an option and a value that is a whole number", where);
        const std::string option = c["option"].get<std::string>();
        if (option == "yes" || option == "no" || option == "abstain") {
          if (c["value"].get<std::uint64_t>() > UINT32_MAX) throw parse_error("counts: value out of range", where);
          vote[option] = c["value"];
        } else {
          odd.push_back(c);
        }
      }
      if (!odd.empty()) vote["extensions"]["popolo.counts"] = odd.dump();
      json odd_votes = json::array();
      for (const auto& v : in.array("votes")) {
        const std::string option = text_of(v, "option");
        if (v.is_object() && v.contains("voter_id") && v["voter_id"].is_string() &&
            (option == "yes" || option == "no" || option == "abstain"))
          vote["votes"].push_back({{"person", v["voter_id"]}, {"option", option}});
        else odd_votes.push_back(v);
      }
      if (!odd_votes.empty()) vote["extensions"]["popolo.votes"] = odd_votes.dump();
      json motion;
      std::string motion_where;
      if (const auto it = motion_by_id.find(motion_id); it != motion_by_id.end()) {
        motion = it->second.first;
        motion_where = it->second.second;
        used[motion_id] = true;
      }
      if (motion.is_object() && motion.contains("text") && motion["text"].is_string()) vote["question"] = motion["text"];
      in.restore(vote);
      in.leftovers(vote);
      attach(vote, motion_id, motion, session, where);
    }
    for (const auto& [mid, m] : motion_by_id)
      if (!used.count(mid)) warnings_.push_back(m.second + ": motion " + mid + " has no vote event; not imported");
    if (const auto it = doc.find(std::string(ext) + "records"); it != doc.end()) add_other_records(tree_, *it, path);
    for (const auto& [key, value] : doc.items())
      if (key != "persons" && key != "organizations" && key != "memberships" && key != "events" && key != "motions" &&
          key != "vote_events" && !key.starts_with(ext))
        warnings_.push_back(path + ": " + key + ": not a Popolo collection a corpus has a place for; not imported");
  }

  // The vote onto the decision its motion belongs to: named by the motion's
  // id (as written by export), else a new decision under the item the
  // motion's identifier names, in the meeting of its legislative session.
  void attach(json vote, const std::string& motion_id, const json& motion, const std::string& session,
              const std::string& where) {
    const auto infix = motion_id.rfind(motion_infix);
    if (infix != std::string::npos) {
      const std::string decision = motion_id.substr(0, infix);
      // Items and decisions may have come from samverkan: properties of any
      // shape; the corpus reader refuses the wrong ones, this only looks.
      for (auto& m : tree_["meetings"]) {
        if (!m.is_object() || !m.contains("items") || !m["items"].is_array()) continue;
        for (auto& item : m["items"]) {
          if (!item.is_object() || !item.contains("decisions") || !item["decisions"].is_array()) continue;
          for (auto& d : item["decisions"])
            if (text_of(d, "id") == decision && (!d.contains("votes") || d["votes"].is_array())) {
              d["votes"].push_back(std::move(vote));
              return;
            }
        }
      }
    }
    std::string meeting = session;
    if (meeting.empty() && motion.is_object()) meeting = text_of(motion, "legislative_session_id");
    const auto it = meetings_.find(meeting);
    if (it == meetings_.end()) {
      warnings_.push_back(where + ": vote event of motion " + motion_id + " names no event read (" + meeting +
                          "); not imported");
      return;
    }
    auto& m = tree_["meetings"][it->second];
    const std::string number = text_of(motion, "identifier");
    if (m.contains("items") && !m["items"].is_array())
      throw parse_error("samverkan:items should be an array", where);
    json* item = nullptr;
    for (auto& i : m["items"])
      if (i.is_object() && text_of(i, "number") == number) item = &i;
    if (item && item->contains("decisions") && !(*item)["decisions"].is_array())
      throw parse_error("samverkan:items: decisions should be an array", where);
    if (!item) {
      m["items"].push_back({{"number", number}, {"order", m["items"].size() + 1}});
      item = &m["items"].back();
    }
    json d = json::object();
    if (motion.is_object()) {
      Reader in(motion, "popolo", where);
      in.take("id");
      in.take("legislative_session_id");
      in.take("identifier");
      d["text"] = in.string("text");
      if (const std::string org = in.string("organization_id"); !org.empty() && org != text_of(m, "body"))
        d["body"] = org;
      const std::string result = in.string("result");
      d["kind"] = result == "pass" ? "approved" : result == "fail" ? "rejected" : "decided";
      in.restore(d);
      in.leftovers(d);
    }
    d["votes"].push_back(std::move(vote));
    (*item)["decisions"].push_back(std::move(d));
  }

  json tree_ = json::object();
  std::map<std::string, std::size_t> meetings_;
  std::vector<std::string> warnings_;
};

}  // namespace

std::vector<StandardFile> export_popolo(const Corpus& corpus, const ExportOptions& options) {
  return write(corpus, options);
}

StandardImport import_popolo(const std::vector<StandardFile>& files) { return PopoloReader().run(files); }

}  // namespace standards
SAMVERKAN_END_NAMESPACE
