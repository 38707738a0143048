// OParl 1.1: System → Body → lists of Organization, Person (with its
// Memberships inside), Meeting (with its AgendaItems inside) and Paper (with
// its Consultations inside). A decision is a Paper whose Consultation names
// the agenda item it was taken under; its text is the item's resolutionText.
// Vendor properties carry the rest as "samverkan:<field>" (OParl 1.1,
// "Herstellerspezifische Erweiterungen").

#include "standards_common.hpp"

#include <map>
#include <set>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {
namespace {

constexpr std::string_view schema_base = "https://schema.oparl.org/1.1/";

std::string type_of(std::string_view name) { return std::string(schema_base) + std::string(name); }

// A decision's texts are joined into the item's resolutionText with a blank line.
constexpr std::string_view text_separator = "\n\n";

// OParl's organizationType is free text; portals group by these German terms.
std::string organization_type(std::string_view kind) {
  if (kind == "committee" || kind == "working_group" || kind == "collaboration_body") return "Gremium";
  if (kind == "unit") return "Verwaltungsbereich";
  if (kind == "other") return "Sonstiges";
  return "Institution";
}

std::optional<bool> voting_right(std::string_view role) {
  if (role == "member" || role == "chair" || role == "vice_chair") return true;
  if (role == "substitute" || role == "coopted" || role == "employee" || role == "secretary") return false;
  return std::nullopt;
}

json list_of(json data) {
  json list = json::object();
  const auto n = data.size();
  list["data"] = std::move(data);
  list["pagination"] = {{"totalElements", n}, {"elementsPerPage", n}, {"currentPage", 1}, {"totalPages", 1}};
  list["links"] = json::object();
  return list;
}

class Writer {
 public:
  Writer(const ExportOptions& o) : o_(o), base_(o.base_url) {
    if (!(base_.starts_with("http://") || base_.starts_with("https://")) || base_.size() < 9)
      throw value_error("OParl base URL '" + base_ + "' should start with http:// or https://");
    while (base_.ends_with('/')) base_.pop_back();
  }

  std::string url(const json& id) const { return base_ + "/" + url_encode(id.get<std::string>()); }

  std::vector<StandardFile> run(const Corpus& corpus) {
    json tree = corpus_tree(corpus);
    std::set<std::string> people;
    for (const auto& p : tree["people"]) people.insert(p["id"].get<std::string>());
    std::map<std::string, json> memberships_of;  // person id -> Membership objects
    std::map<std::string, json> membership_urls;  // organisation id -> membership URLs
    json orphans = json::array();
    for (const auto& m : tree["memberships"]) {
      const auto person = m["person"].get<std::string>();
      if (!people.count(person)) {
        orphans.push_back(m);  // nowhere to hang it in OParl; carried whole
        continue;
      }
      memberships_of[person].push_back(membership(m));
      membership_urls[m["organisation"].get<std::string>()].push_back(url(m["id"]));
    }

    json organizations = json::array();
    for (const auto& org : tree["organisations"]) organizations.push_back(organization(org, membership_urls));
    json persons = json::array();
    for (const auto& p : tree["people"]) persons.push_back(person(p, memberships_of));
    json meetings = json::array();
    for (const auto& m : tree["meetings"]) meetings.push_back(meeting(m));

    json system = json::object();
    system["id"] = base_ + "/system";
    system["type"] = type_of("System");
    system["oparlVersion"] = std::string(schema_base);
    system["body"] = base_ + "/bodies";
    system["name"] = o_.body_name;
    if (o_.extensions) {
      system[std::string(ext) + "base"] = base_;
      json other = other_records(tree, {"organisations", "people", "memberships", "meetings"});
      if (!orphans.empty()) other["memberships"] = orphans;
      if (!other.empty()) system[std::string(ext) + "records"] = other;
    }
    json body = json::object();
    body["id"] = base_ + "/body";
    body["type"] = type_of("Body");
    body["system"] = base_ + "/system";
    body["name"] = o_.body_name;
    body["organization"] = base_ + "/organizations";
    body["person"] = base_ + "/people";
    body["meeting"] = base_ + "/meetings";
    body["paper"] = base_ + "/papers";
    body["legislativeTerm"] = json::array();

    return {{"system.json", dump(system)},
            {"bodies.json", dump(list_of(json::array({body})))},
            {"organizations.json", dump(list_of(std::move(organizations)))},
            {"people.json", dump(list_of(std::move(persons)))},
            {"meetings.json", dump(list_of(std::move(meetings)))},
            {"papers.json", dump(list_of(std::move(papers_)))}};
  }

 private:
  json organization(json r, const std::map<std::string, json>& membership_urls) {
    json o = json::object();
    const json id = take(r, "id");
    o["id"] = url(id);
    o["type"] = type_of("Organization");
    o["body"] = base_ + "/body";
    o["name"] = take(r, "name");
    json aliases = take(r, "aliases");
    if (aliases.is_array() && !aliases.empty()) {
      o["shortName"] = aliases[0];
      if (aliases.size() > 1) r["aliases"] = aliases;
    }
    const std::string kind = r.contains("kind") ? take_string(r, "kind") : std::string("other");
    o["organizationType"] = organization_type(kind);
    o["classification"] = kind;
    if (const json parent = take(r, "parent"); parent.is_string()) o["subOrganizationOf"] = url(parent);
    if (const auto it = membership_urls.find(id.get<std::string>()); it != membership_urls.end())
      o["membership"] = it->second;
    carry(o, r, o_.extensions);
    return o;
  }

  json person(json r, std::map<std::string, json>& memberships_of) {
    json o = json::object();
    const json id = take(r, "id");
    o["id"] = url(id);
    o["type"] = type_of("Person");
    o["body"] = base_ + "/body";
    o["name"] = take(r, "name");
    if (const std::string title = take_string(r, "title"); !title.empty()) o["status"] = json::array({title});
    if (auto it = memberships_of.find(id.get<std::string>()); it != memberships_of.end())
      o["membership"] = std::move(it->second);
    carry(o, r, o_.extensions);
    return o;
  }

  json membership(json r) {
    json o = json::object();
    o["id"] = url(take(r, "id"));
    o["type"] = type_of("Membership");
    take(r, "person");  // the Person it is inside
    o["organization"] = url(take(r, "organisation"));
    const std::string role = r.contains("role") ? take_string(r, "role") : std::string("member");
    const std::string title = take_string(r, "role_title");
    if (!title.empty()) {
      o["role"] = title;
      r["role"] = role;  // the vocabulary value the text does not say
    } else {
      o["role"] = std::string(swedish_name(from_string<MembershipRole>(role)));
    }
    if (const auto v = voting_right(role)) o["votingRight"] = *v;
    json period = take(r, "period");
    if (period.is_object()) {
      if (period["start"].is_string()) o["startDate"] = period["start"];
      if (period["end"].is_string()) o["endDate"] = period["end"];
    }
    if (const json behalf = take(r, "on_behalf_of"); behalf.is_string()) o["onBehalfOf"] = url(behalf);
    carry(o, r, o_.extensions);
    return o;
  }

  json meeting(json r) {
    json o = json::object();
    const json id = take(r, "id");
    const std::string murl = url(id);
    o["id"] = murl;
    o["type"] = type_of("Meeting");
    if (const std::string title = take_string(r, "title"); !title.empty()) o["name"] = title;
    const json body = take(r, "body");
    if (r.contains("date")) {
      const std::string date = take_string(r, "date");
      // A meeting whose hour the record does not give starts at midnight in
      // OParl (start is a date-time); the reader takes midnight as "no time".
      const std::string start = take_string(r, "start");
      o["start"] = stockholm_date_time(date, start);
      if (r.contains("end")) o["end"] = stockholm_date_time(date, take_string(r, "end"));
    }
    if (const std::string place = take_string(r, "place"); !place.empty())
      o["location"] = {{"id", murl + "/location"}, {"type", type_of("Location")}, {"description", place}};
    o["organization"] = json::array({url(body)});
    json attendance = take(r, "attendance");
    if (attendance.is_array() && !attendance.empty()) {
      json participants = json::array();
      bool plain = true;
      for (const auto& a : attendance) {
        const bool present = !a.contains("status") || a["status"] == "present";
        if (present) participants.push_back(url(a["person"]));
        const bool present_only = a.size() == (a.contains("status") ? 2U : 1U) &&
                                  (!a.contains("status") || a["status"] == "present");
        if (!present_only) plain = false;
      }
      if (!participants.empty()) o["participant"] = participants;
      if (!plain) r["attendance"] = attendance;
    }
    json items = take(r, "items");
    if (items.is_array() && !items.empty()) {
      json out = json::array();
      for (std::size_t i = 0; i < items.size(); ++i) out.push_back(agenda_item(items[i], murl, body, i));
      o["agendaItem"] = std::move(out);
    }
    carry(o, r, o_.extensions);
    return o;
  }

  json agenda_item(json r, const std::string& murl, const json& body, std::size_t index) {
    json o = json::object();
    const std::string iurl = murl + "/items/" + std::to_string(index + 1);
    o["id"] = iurl;
    o["type"] = type_of("AgendaItem");
    if (const std::string number = take_string(r, "number"); !number.empty()) o["number"] = number;
    o["order"] = r.contains("order") ? take(r, "order") : json(0);
    if (const std::string title = take_string(r, "title"); !title.empty()) o["name"] = title;
    const std::string case_number = take_string(r, "case_number");
    json decisions = take(r, "decisions");
    if (decisions.is_array() && !decisions.empty()) {
      std::string resolution;
      bool ambiguous = decisions.size() > 1;
      for (std::size_t d = 0; d < decisions.size(); ++d) {
        const std::string text = decisions[d].value("text", "");
        if (d) resolution += text_separator;
        resolution += text;
        if (text.find(text_separator) != std::string::npos || text.empty()) ambiguous = true;
      }
      o["resolutionText"] = resolution;
      o["result"] = std::string(swedish_name(from_string<DecisionKind>(decisions[0].value("kind", "decided"))));
      for (std::size_t d = 0; d < decisions.size(); ++d) {
        const std::string purl = paper(decisions[d], o, iurl, murl, body, case_number, ambiguous);
        if (d == 0) o["consultation"] = purl + "/consultation";
      }
    } else if (!case_number.empty()) {
      // The case the item handles, without a decision under it.
      json p = json::object();
      const std::string purl = iurl + "/paper";
      p["id"] = purl;
      p["type"] = type_of("Paper");
      p["body"] = base_ + "/body";
      if (o.contains("name")) p["name"] = o["name"];
      p["reference"] = case_number;
      p["consultation"] = json::array({consultation(purl, iurl, murl, url(body), false, "")});
      o["consultation"] = purl + "/consultation";
      papers_.push_back(std::move(p));
    }
    carry(o, r, o_.extensions);
    return o;
  }

  json consultation(const std::string& purl, const std::string& iurl, const std::string& murl,
                    const std::string& org, bool authoritative, const std::string& role) {
    json c = json::object();
    c["id"] = purl + "/consultation";
    c["type"] = type_of("Consultation");
    c["agendaItem"] = iurl;
    c["meeting"] = murl;
    c["organization"] = json::array({org});
    c["authoritative"] = authoritative;
    if (!role.empty()) c["role"] = role;
    return c;
  }

  std::string paper(json r, const json& item, const std::string& iurl, const std::string& murl, const json& body,
                    const std::string& case_number, bool ambiguous) {
    json p = json::object();
    const std::string purl = url(take(r, "id"));
    p["id"] = purl;
    p["type"] = type_of("Paper");
    p["body"] = base_ + "/body";
    if (item.contains("name")) p["name"] = item["name"];
    if (!case_number.empty()) p["reference"] = case_number;
    p["paperType"] = "Beslut";
    const std::string kind = r.contains("kind") ? take_string(r, "kind") : std::string("decided");
    const json text = take(r, "text");
    if (ambiguous && text.is_string()) r["text"] = text;
    json decided_by = take(r, "body");
    if (decided_by.is_string() && decided_by == body) r["body"] = decided_by;  // said, though it is the meeting's
    const std::string org = url(decided_by.is_string() ? decided_by : body);
    p["consultation"] =
        json::array({consultation(purl, iurl, murl, org, true, std::string(swedish_name(from_string<DecisionKind>(kind))))});
    carry(p, r, o_.extensions);
    papers_.push_back(std::move(p));
    return purl;
  }

  const ExportOptions& o_;
  std::string base_;
  json papers_ = json::array();
};

// ---- reading ----

class OParlReader {
 public:
  explicit OParlReader(const std::vector<StandardFile>& files) {
    for (const auto& f : files) docs_.emplace_back(f.path, parse_document(f.text, f.path));
  }

  StandardImport run() {
    // The base of ids comes from the System, when a samverkan export wrote it.
    for (const auto& [path, doc] : docs_) {
      if (text_of(doc, "type") == type_of("System")) {
        system_ = &doc;
        system_path_ = path;
        // Else the System's own URL less "/system", as this library writes
        // it; objects of other publishers under it get the rest of their URL
        // as id ("organization/3").
        if (const auto it = doc.find(std::string(ext) + "base"); it != doc.end() && it->is_string())
          base_ = it->get<std::string>();
        else if (const auto id = text_of(doc, "id"); id.ends_with("/system"))
          base_ = id.substr(0, id.size() - 7);
      }
    }
    for (const auto& [path, doc] : docs_) read_document(path, doc);
    attach_papers();
    if (system_) read_system();
    StandardImport out;
    out.corpus = corpus_from_tree(std::move(tree_), "OParl import");
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  std::string id_of(const json& url) const {
    if (!url.is_string()) return {};
    const auto u = url.get<std::string>();
    if (!base_.empty() && u.size() > base_.size() + 1 && u.starts_with(base_) && u[base_.size()] == '/')
      return url_decode(std::string_view(u).substr(base_.size() + 1));
    return u;  // another publisher's URL is the most stable id there is
  }

  void warn(const std::string& where, const std::string& what) { warnings_.push_back(where + ": " + what); }

  void read_document(const std::string& path, const json& doc) {
    if (!doc.is_object()) throw parse_error("an OParl document should be an object", path);
    if (doc.contains("data")) {
      if (!doc["data"].is_array()) throw parse_error("data: should be an array", path);
      for (std::size_t i = 0; i < doc["data"].size(); ++i)
        read_object(doc["data"][i], path + ": data[" + std::to_string(i) + "]");
    } else {
      read_object(doc, path);
    }
  }

  void read_object(const json& o, const std::string& where) {
    const std::string type = text_of(o, "type");
    const std::string name = type.starts_with("https://schema.oparl.org/1.") && type.find('/', 26) != std::string::npos
                                 ? type.substr(type.rfind('/') + 1)
                                 : type;
    if (name == "System" || name == "Body" || name == "LegislativeTerm") return;  // no records of their own
    if (name == "Organization") tree_["organisations"].push_back(organization(o, where));
    else if (name == "Person") person(o, where);
    else if (name == "Membership") tree_["memberships"].push_back(membership(o, where, ""));
    else if (name == "Meeting") meeting(o, where);
    else if (name == "Paper") papers_.emplace_back(o, where);
    else warn(where, "object of type '" + type + "' has no place in a corpus; not imported");
  }

  json organization(const json& obj, const std::string& where) {
    Reader in(obj, "oparl", where);
    json r = json::object();
    r["id"] = id_of(in.take("id"));
    r["name"] = in.string("name");
    if (in.has("shortName")) r["aliases"] = json::array({in.string("shortName")});
    const std::string classification = in.string("classification");
    const std::string type = in.string("organizationType");
    const auto kind = try_from_string<OrganisationKind>(classification);
    if (kind) r["kind"] = std::string(to_string(*kind));
    if (!classification.empty() && !kind) r["extensions"]["oparl.classification"] = json(classification).dump();
    if (!type.empty() && (!kind || organization_type(to_string(*kind)) != type))
      r["extensions"]["oparl.organizationType"] = json(type).dump();
    if (const json parent = in.take("subOrganizationOf"); parent.is_string()) r["parent"] = id_of(parent);
    in.take("membership");  // the Memberships say the same from their side
    in.take("body");
    in.restore(r);
    in.leftovers(r);
    return r;
  }

  void person(const json& obj, const std::string& where) {
    Reader in(obj, "oparl", where);
    json r = json::object();
    const std::string id = id_of(in.take("id"));
    r["id"] = id;
    r["name"] = in.string("name");
    json status = in.array("status");
    if (!status.empty() && status[0].is_string()) r["title"] = status[0];
    if (status.size() > 1) r["extensions"]["oparl.status"] = status.dump();
    json memberships = in.array("membership");
    for (std::size_t i = 0; i < memberships.size(); ++i)
      tree_["memberships"].push_back(
          membership(memberships[i], where + ".membership[" + std::to_string(i) + "]", id));
    in.take("body");
    in.restore(r);
    in.leftovers(r);
    tree_["people"].push_back(std::move(r));
  }

  json membership(const json& obj, const std::string& where, const std::string& person) {
    Reader in(obj, "oparl", where);
    json r = json::object();
    r["id"] = id_of(in.take("id"));
    const json p = in.take("person");
    r["person"] = p.is_string() ? id_of(p) : person;
    if (r["person"] == "") in.fail("person", "a membership outside a Person needs its person");
    const json org = in.take("organization");
    if (!org.is_string()) in.fail("organization", "a membership needs the organization it is of");
    r["organisation"] = id_of(org);
    const std::string role_text = in.string("role");
    const json known = in.take(std::string(ext) + "role");
    std::optional<MembershipRole> role;
    if (known.is_string()) role = try_from_string<MembershipRole>(known.get<std::string>());
    else role = try_from_string<MembershipRole>(role_text);
    if (!role) role = role_text.empty() ? MembershipRole::member : MembershipRole::other;
    r["role"] = std::string(to_string(*role));
    // The export names the vocabulary value only when the text is a title of its own.
    if (known.is_string() ||
        (!role_text.empty() && role_text != swedish_name(*role) && role_text != to_string(*role)))
      r["role_title"] = role_text;
    const auto vote = in.boolean("votingRight");
    if (vote && voting_right(to_string(*role)) != vote) r["extensions"]["oparl.votingRight"] = json(*vote).dump();
    json period = json::object();
    period["start"] = in.string("startDate");
    period["end"] = in.string("endDate");
    for (const char* k : {"start", "end"})
      if (period[k] == "") period[k] = nullptr;
    r["period"] = period;
    if (const json behalf = in.take("onBehalfOf"); behalf.is_string()) r["on_behalf_of"] = id_of(behalf);
    in.restore(r);
    in.leftovers(r);
    return r;
  }

  void meeting(const json& obj, const std::string& where) {
    Reader in(obj, "oparl", where);
    json r = json::object();
    const json url = in.take("id");
    r["id"] = id_of(url);
    r["title"] = in.string("name");
    const std::string start = in.string("start");
    if (!start.empty()) {
      const std::string date = date_part(start);
      if (date.empty()) in.fail("start", "'" + start + "' is not a date-time");
      r["date"] = date;
      if (const auto t = time_part(start); !t.empty() && t != "00:00") r["start"] = t;
    }
    if (const std::string end = in.string("end"); !end.empty()) {
      const auto t = time_part(end);
      if (t.empty()) in.fail("end", "'" + end + "' is not a date-time");
      r["end"] = t;
      if (date_part(end) != text_of(r, "date")) r["extensions"]["oparl.end"] = json(end).dump();
    }
    if (const json location = in.object("location"); location.is_object()) {
      json rest = location;
      r["place"] = take_string(rest, "description");
      take(rest, "id");
      take(rest, "type");
      if (!rest.empty()) r["extensions"]["oparl.location"] = rest.dump();
    }
    const json orgs = in.array("organization");
    if (orgs.empty() || !orgs[0].is_string()) in.fail("organization", "a meeting needs the organization that met");
    r["body"] = id_of(orgs[0]);
    if (orgs.size() > 1) r["extensions"]["oparl.organization"] = orgs.dump();
    const json participants = in.array("participant");
    for (const auto& p : participants) r["attendance"].push_back({{"person", id_of(p)}});
    const json items = in.array("agendaItem");
    const std::size_t m = tree_["meetings"].size();
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string iw = where + ".agendaItem[" + std::to_string(i) + "]";
      Reader item(items[i], "oparl", iw);
      json it = json::object();
      const json iurl = item.take("id");
      if (iurl.is_string()) items_[iurl.get<std::string>()] = {m, i};
      it["number"] = item.string("number");
      const auto order = item.integer("order");
      if (!order) item.fail("order", "an agenda item needs its order (OParl 1.1 requires it)");
      if (*order < 0 || *order > UINT32_MAX) item.fail("order", "out of range");
      it["order"] = *order;
      it["title"] = item.string("name");
      resolution_.push_back(item.string("resolutionText"));
      result_.push_back(item.string("result"));
      item.take("consultation");  // the Paper's Consultation says the same
      item.take("meeting");
      item.restore(it);
      item.leftovers(it);
      r["items"].push_back(std::move(it));
      item_index_.push_back({m, i});
    }
    in.restore(r);
    in.leftovers(r);
    tree_["meetings"].push_back(std::move(r));
  }

  // Decisions and case numbers from the Papers, onto the agenda items their
  // Consultations name.
  void attach_papers() {
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> untexted;  // decisions without text, per item
    for (auto& [obj, where] : papers_) {
      Reader in(obj, "oparl", where);
      const json url = in.take("id");
      const std::string reference = in.string("reference");
      const json consultations = in.array("consultation");
      in.take("name");  // the item's title
      in.take("body");
      in.take("date");
      const std::string paper_type = in.string("paperType");
      bool attached = false;
      for (std::size_t c = 0; c < consultations.size(); ++c) {
        const std::string cw = where + ".consultation[" + std::to_string(c) + "]";
        Reader con(consultations[c], "oparl", cw);
        const json item_url = con.take("agendaItem");
        const auto it = item_url.is_string() ? items_.find(item_url.get<std::string>()) : items_.end();
        if (it == items_.end()) {
          warn(cw, "agendaItem " + (item_url.is_string() ? item_url.get<std::string>() : std::string("(none)")) +
                       " is not among the meetings read; the consultation is not imported");
          continue;
        }
        auto& item = tree_["meetings"][it->second.first]["items"][it->second.second];
        if (!reference.empty() && !item.contains("case_number")) item["case_number"] = reference;
        const std::string role = con.string("role");
        const auto authoritative = con.boolean("authoritative");
        const auto kind = try_from_string<DecisionKind>(role);
        con.take("meeting");
        const json orgs = con.array("organization");
        if (!kind && !authoritative.value_or(false)) {
          // A case handled under the item, not decided there.
          attached = true;
          continue;
        }
        json d = json::object();
        d["id"] = id_of(url);
        d["kind"] = std::string(to_string(kind.value_or(DecisionKind::decided)));
        if (!kind && !role.empty()) d["extensions"]["oparl.role"] = json(role).dump();
        const auto& meeting = tree_["meetings"][it->second.first];
        if (!orgs.empty() && orgs[0].is_string() && id_of(orgs[0]) != meeting["body"].get<std::string>())
          d["body"] = id_of(orgs[0]);
        if (paper_type != "Beslut" && !paper_type.empty()) d["extensions"]["oparl.paperType"] = json(paper_type).dump();
        in.restore(d);
        in.leftovers(d);
        if (!d.contains("text")) ++untexted[it->second];
        item["decisions"].push_back(std::move(d));
        attached = true;
        break;  // one decision per Paper
      }
      if (!attached && !consultations.empty()) warn(where, "paper names no agenda item read; not imported");
      else if (!attached) warn(where, "paper without a consultation has no place in a corpus; not imported");
    }
    // The decision texts from the items' resolutionText.
    for (std::size_t k = 0; k < item_index_.size(); ++k) {
      auto& item = tree_["meetings"][item_index_[k].first]["items"][item_index_[k].second];
      const std::string& text = resolution_[k];
      if (!item.contains("decisions")) {
        if (!text.empty()) {
          json d = json::object();
          d["text"] = text;
          const auto kind = try_from_string<DecisionKind>(result_[k]);
          d["kind"] = std::string(to_string(kind.value_or(DecisionKind::decided)));
          if (!kind && !result_[k].empty()) d["extensions"]["oparl.result"] = json(result_[k]).dump();
          item["decisions"].push_back(std::move(d));
        }
        continue;
      }
      auto& decisions = item["decisions"];
      std::vector<std::string> parts;
      for (std::size_t from = 0;;) {
        const auto at = text.find(text_separator, from);
        parts.push_back(text.substr(from, at == std::string::npos ? std::string::npos : at - from));
        if (at == std::string::npos) break;
        from = at + text_separator.size();
      }
      if (parts.size() != decisions.size()) parts = {text};
      for (std::size_t d = 0; d < decisions.size(); ++d)
        if (!decisions[d].contains("text") && d < parts.size()) decisions[d]["text"] = parts[d];
    }
  }

  void read_system() {
    Reader in(*system_, "oparl", system_path_);
    add_other_records(tree_, in.take(std::string(ext) + "records"), system_path_);
  }

  std::vector<std::pair<std::string, json>> docs_;
  const json* system_ = nullptr;
  std::string system_path_;
  std::string base_;
  json tree_ = json::object();
  std::vector<std::pair<json, std::string>> papers_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> items_;  // item URL -> meeting, item
  std::vector<std::pair<std::size_t, std::size_t>> item_index_;
  std::vector<std::string> resolution_;
  std::vector<std::string> result_;
  std::vector<std::string> warnings_;
};

}  // namespace

std::vector<StandardFile> export_oparl(const Corpus& corpus, const ExportOptions& options) {
  return Writer(options).run(corpus);
}

StandardImport import_oparl(const std::vector<StandardFile>& files) { return OParlReader(files).run(); }

}  // namespace standards
SAMVERKAN_END_NAMESPACE
