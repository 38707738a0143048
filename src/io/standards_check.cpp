// Conformance checks of OParl 1.1, Popolo and OCDS 1.1 documents, written
// from the specifications' object descriptions (required properties, value
// types, formats, code lists) rather than from their schema files, plus the
// references between objects that the specifications describe in prose.

#include "standards_common.hpp"

#include <algorithm>
#include <map>
#include <set>

SAMVERKAN_BEGIN_NAMESPACE
namespace standards {
namespace {

// Value kinds of a property.
enum class K {
  string,       // any string
  url,          // http(s) URL
  date,         // YYYY-MM-DD
  date_time,    // RFC 3339
  integer,
  number,
  boolean,
  urls,         // array of URLs
  strings,      // array of strings
  object,       // one embedded object (checked by its own rules, if any)
  objects,      // array of embedded objects
  list,         // URL of an external object list
};

struct Prop {
  std::string_view name;
  K kind;
  bool required = false;
  std::string_view refers_to = {};  // for url/urls: the object type named
};

bool is_url(std::string_view s) {
  return (s.starts_with("https://") && s.size() > 8) || (s.starts_with("http://") && s.size() > 7);
}

class Problems {
 public:
  void add(const std::string& where, std::string_view prop, const std::string& what) {
    out_.push_back(where + (prop.empty() ? std::string() : "." + std::string(prop)) + ": " + what);
  }
  std::vector<std::string> take() { return std::move(out_); }

 private:
  std::vector<std::string> out_;
};

// Checks one value against its kind; returns false (and reports) when wrong.
bool check_kind(const json& v, K kind, const std::string& where, std::string_view prop, Problems& p) {
  const auto bad = [&](const std::string& what) {
    p.add(where, prop, what + ", not " + v.dump().substr(0, 80));
    return false;
  };
  switch (kind) {
    case K::string: return v.is_string() || bad("should be a string");
    case K::url:
    case K::list: return (v.is_string() && is_url(v.get<std::string>())) || bad("should be an http(s) URL");
    case K::date: return (v.is_string() && is_date(v.get<std::string>())) || bad("should be a date YYYY-MM-DD");
    case K::date_time:
      return (v.is_string() && is_date_time(v.get<std::string>())) || bad("should be an RFC 3339 date-time");
    case K::integer: return v.is_number_integer() || bad("should be an integer");
    case K::number: return v.is_number() || bad("should be a number");
    case K::boolean: return v.is_boolean() || bad("should be true or false");
    case K::object: return v.is_object() || bad("should be an object");
    case K::objects:
      if (!v.is_array()) return bad("should be an array of objects");
      for (const auto& e : v)
        if (!e.is_object()) return bad("should hold objects only");
      return true;
    case K::urls:
      if (!v.is_array()) return bad("should be an array of URLs");
      for (const auto& e : v)
        if (!e.is_string() || !is_url(e.get<std::string>())) return bad("should hold http(s) URLs only");
      return true;
    case K::strings:
      if (!v.is_array()) return bad("should be an array of strings");
      for (const auto& e : v)
        if (!e.is_string()) return bad("should hold strings only");
      return true;
  }
  return true;
}

// ---- OParl 1.1 ----

// Properties every OParl object may have (3-01, "Eigenschaften mit Verwendung
// in mehreren Objekttypen").
const std::vector<Prop> oparl_common = {{"id", K::url, true},         {"type", K::string, true},
                                        {"license", K::string},       {"keyword", K::strings},
                                        {"created", K::date_time},    {"modified", K::date_time},
                                        {"web", K::url},              {"deleted", K::boolean}};

const std::map<std::string_view, std::vector<Prop>>& oparl_types() {
  static const std::map<std::string_view, std::vector<Prop>> types = {
      {"System",
       {{"oparlVersion", K::string, true}, {"otherOparlVersions", K::urls}, {"body", K::list, true},
        {"name", K::string}, {"contactEmail", K::string}, {"contactName", K::string}, {"website", K::url},
        {"vendor", K::url}, {"product", K::url}}},
      {"Body",
       {{"system", K::url, false, "System"}, {"shortName", K::string}, {"name", K::string, true},
        {"website", K::url}, {"licenseValidSince", K::date_time}, {"oparlSince", K::date_time}, {"ags", K::string},
        {"rgs", K::string}, {"equivalent", K::urls}, {"contactEmail", K::string}, {"contactName", K::string},
        {"organization", K::list, true}, {"person", K::list, true}, {"meeting", K::list, true},
        {"paper", K::list, true}, {"legislativeTerm", K::objects, true}, {"agendaItem", K::list},
        {"consultation", K::list}, {"file", K::list}, {"locationList", K::list}, {"legislativeTermList", K::list},
        {"membership", K::list}, {"classification", K::string}, {"location", K::object},
        {"mainOrganization", K::url, false, "Organization"}}},
      {"LegislativeTerm",
       {{"body", K::url, false, "Body"}, {"name", K::string}, {"startDate", K::date}, {"endDate", K::date}}},
      {"Organization",
       {{"body", K::url, false, "Body"}, {"name", K::string}, {"membership", K::urls, false, "Membership"},
        {"meeting", K::list}, {"consultation", K::list}, {"shortName", K::string}, {"post", K::strings},
        {"subOrganizationOf", K::url, false, "Organization"}, {"organizationType", K::string},
        {"classification", K::string}, {"startDate", K::date}, {"endDate", K::date}, {"website", K::url},
        {"location", K::object}, {"externalBody", K::url}, {"memberCount", K::integer},
        {"votingMemberCount", K::integer}}},
      {"Person",
       {{"body", K::url, false, "Body"}, {"name", K::string}, {"familyName", K::string}, {"givenName", K::string},
        {"formOfAddress", K::string}, {"affix", K::string}, {"title", K::strings}, {"gender", K::string},
        {"phone", K::strings}, {"email", K::strings}, {"location", K::url}, {"locationObject", K::object},
        {"status", K::strings}, {"membership", K::objects}, {"image", K::object}, {"life", K::string},
        {"lifeSource", K::string}}},
      {"Membership",
       {{"person", K::url, false, "Person"}, {"organization", K::url, false, "Organization"}, {"role", K::string},
        {"votingRight", K::boolean}, {"startDate", K::date}, {"endDate", K::date},
        {"onBehalfOf", K::url, false, "Organization"}}},
      {"Meeting",
       {{"name", K::string}, {"meetingState", K::string}, {"cancelled", K::boolean}, {"start", K::date_time},
        {"end", K::date_time}, {"location", K::object}, {"organization", K::urls, false, "Organization"},
        {"participant", K::urls, false, "Person"}, {"invitation", K::object}, {"resultsProtocol", K::object},
        {"verbatimProtocol", K::object}, {"auxiliaryFile", K::objects}, {"agendaItem", K::objects}}},
      {"AgendaItem",
       {{"meeting", K::url, false, "Meeting"}, {"number", K::string}, {"order", K::integer, true},
        {"name", K::string}, {"public", K::boolean}, {"consultation", K::url, false, "Consultation"},
        {"result", K::string}, {"resolutionText", K::string}, {"resolutionFile", K::object},
        {"auxiliaryFile", K::objects}, {"start", K::date_time}, {"end", K::date_time}}},
      {"Consultation",
       {{"paper", K::url, false, "Paper"}, {"agendaItem", K::url, false, "AgendaItem"},
        {"meeting", K::url, false, "Meeting"}, {"organization", K::urls, false, "Organization"},
        {"authoritative", K::boolean}, {"role", K::string}}},
      {"Paper",
       {{"body", K::url, false, "Body"}, {"name", K::string}, {"reference", K::string}, {"date", K::date},
        {"paperType", K::string}, {"relatedPaper", K::urls, false, "Paper"},
        {"superordinatedPaper", K::urls, false, "Paper"}, {"subordinatedPaper", K::urls, false, "Paper"},
        {"mainFile", K::object}, {"auxiliaryFile", K::objects}, {"location", K::objects},
        {"originatorPerson", K::urls, false, "Person"}, {"underDirectionOf", K::urls, false, "Organization"},
        {"originatorOrganization", K::urls, false, "Organization"}, {"consultation", K::objects}}},
      {"Location",
       {{"description", K::string}, {"geojson", K::object}, {"streetAddress", K::string}, {"room", K::string},
        {"postalCode", K::string}, {"subLocality", K::string}, {"locality", K::string}}},
      {"File",
       {{"name", K::string}, {"fileName", K::string}, {"mimeType", K::string}, {"date", K::date},
        {"size", K::integer}, {"sha1Checksum", K::string}, {"sha512Checksum", K::string}, {"text", K::string},
        {"accessUrl", K::url, true}, {"downloadUrl", K::url}, {"externalServiceUrl", K::url}}},
  };
  return types;
}

struct OParlRef {
  std::string where;
  std::string prop;
  std::string url;
  std::string_view type;
};

class OParlCheck {
 public:
  std::vector<std::string> run(const std::vector<StandardFile>& files) {
    std::set<std::string> lists;
    for (const auto& f : files) {
      json doc;
      try {
        doc = parse_document(f.text, f.path);
      } catch (const parse_error& e) {
        p_.add(f.path, "", e.what());
        continue;
      }
      if (!doc.is_object()) {
        p_.add(f.path, "", "should be an OParl object or object list");
        continue;
      }
      if (f.path.ends_with(".json")) lists.insert(f.path.substr(0, f.path.size() - 5));
      if (doc.contains("data") && !doc.contains("type")) {
        if (!doc["data"].is_array()) p_.add(f.path, "data", "should be an array");
        else
          for (std::size_t i = 0; i < doc["data"].size(); ++i)
            object(doc["data"][i], f.path + ": data[" + std::to_string(i) + "]", "");
        if (!doc.contains("pagination") || !doc["pagination"].is_object())
          p_.add(f.path, "pagination", "an object list needs its pagination object");
        if (!doc.contains("links") || !doc["links"].is_object())
          p_.add(f.path, "links", "an object list needs its links object");
      } else {
        object(doc, f.path, "");
      }
    }
    for (const auto& r : refs_) {
      const auto it = ids_.find(r.url);
      if (it == ids_.end()) p_.add(r.where, r.prop, "refers to " + r.url + ", which the export does not hold");
      else if (it->second != r.type)
        p_.add(r.where, r.prop, "refers to " + r.url + ", a " + std::string(it->second) + ", where a " + std::string(r.type) + " belongs");
    }
    for (const auto& [where, url] : list_refs_) {
      const auto slash = url.rfind('/');
      if (slash == std::string::npos || !lists.count(url.substr(slash + 1)))
        p_.add(where, "", "names the object list " + url + ", which the export does not hold");
    }
    return p_.take();
  }

 private:
  void object(const json& o, const std::string& where, std::string_view expected) {
    if (!o.is_object()) {
      p_.add(where, "", "should be an object");
      return;
    }
    const auto type_it = o.find("type");
    if (type_it == o.end() || !type_it->is_string()) {
      p_.add(where, "type", "is required");
      return;
    }
    const std::string type = type_it->get<std::string>();
    constexpr std::string_view prefix = "https://schema.oparl.org/1.1/";
    if (!type.starts_with(prefix)) {
      p_.add(where, "type", "'" + type + "' is not an OParl 1.1 type (" + std::string(prefix) + "...)");
      return;
    }
    const std::string name = type.substr(prefix.size());
    const auto& types = oparl_types();
    const auto spec = types.find(name);
    if (spec == types.end()) {
      p_.add(where, "type", "'" + name + "' is not an OParl object type");
      return;
    }
    if (!expected.empty() && name != expected)
      p_.add(where, "type", "is " + name + " where a " + std::string(expected) + " belongs");
    if (o.contains("id") && o["id"].is_string()) {
      if (!ids_.emplace(o["id"].get<std::string>(), spec->first).second)
        p_.add(where, "id", o["id"].get<std::string>() + " is the id of another object too");
    }
    std::map<std::string_view, const Prop*> props;
    for (const auto& pr : oparl_common) props[pr.name] = &pr;
    for (const auto& pr : spec->second) props[pr.name] = &pr;
    for (const auto& [name_, pr] : props)
      if (pr->required && !o.contains(name_)) p_.add(where, name_, "is required in " + name);
    for (const auto& [key, value] : o.items()) {
      const auto it = props.find(key);
      if (it == props.end()) {
        // Vendor properties carry a prefix with a colon (3-00).
        if (key.find(':') == std::string::npos)
          p_.add(where, key, "is no property of " + name + "; a vendor property needs a prefix \"vendor:\"");
        continue;
      }
      const Prop& pr = *it->second;
      if (value.is_null() && !pr.required) continue;
      if (!check_kind(value, pr.kind, where, key, p_)) continue;
      if (pr.kind == K::list) list_refs_.emplace_back(where + "." + key, value.get<std::string>());
      if (pr.kind == K::url && !pr.refers_to.empty())
        refs_.push_back({where, key, value.get<std::string>(), pr.refers_to});
      if (pr.kind == K::urls && !pr.refers_to.empty())
        for (const auto& u : value) refs_.push_back({where, key, u.get<std::string>(), pr.refers_to});
    }
    // Embedded objects (3-00: Membership in Person, AgendaItem in Meeting,
    // Consultation in Paper, Location and File where they stand).
    const auto nested = [&](const char* key, std::string_view type_name) {
      const auto it = o.find(key);
      if (it == o.end()) return;
      if (it->is_array()) {
        for (std::size_t i = 0; i < it->size(); ++i)
          object((*it)[i], where + "." + key + "[" + std::to_string(i) + "]", type_name);
      } else if (it->is_object()) {
        object(*it, where + "." + key, type_name);
      }
    };
    if (name == "Person") nested("membership", "Membership");
    if (name == "Meeting") {
      nested("agendaItem", "AgendaItem");
      nested("location", "Location");
      nested("invitation", "File");
      nested("resultsProtocol", "File");
      nested("verbatimProtocol", "File");
      nested("auxiliaryFile", "File");
    }
    if (name == "Paper") {
      nested("consultation", "Consultation");
      nested("mainFile", "File");
      nested("auxiliaryFile", "File");
      nested("location", "Location");
    }
    if (name == "Body") {
      nested("legislativeTerm", "LegislativeTerm");
      nested("location", "Location");
    }
    if (name == "Organization") nested("location", "Location");
    if (name == "System" && o.contains("oparlVersion") && o["oparlVersion"] != "https://schema.oparl.org/1.1/")
      p_.add(where, "oparlVersion", "should be https://schema.oparl.org/1.1/ for OParl 1.1");
  }

  Problems p_;
  std::map<std::string, std::string_view> ids_;
  std::vector<OParlRef> refs_;
  std::vector<std::pair<std::string, std::string>> list_refs_;
};

// ---- Popolo ----

const std::set<std::string_view> popolo_options = {"yes", "no", "abstain", "absent", "not voting", "paired"};
const std::set<std::string_view> popolo_results = {"pass", "fail"};

// Popolo's dates are ISO 8601 of any precision: "2019", "2019-09", "2019-09-24",
// "2019-09-24T09:00", with seconds and zone.
bool is_iso8601(std::string_view s) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && is_date(std::string(s) + "-01");
  if (s.size() == 10) return is_date(s);
  // With a time, the zone is required: "2019-09-24T09:00+02:00", "...T09:00:00Z".
  if (s.size() < 13 || !is_date(s.substr(0, 10)) || s[10] != 'T' || !digits(11, 2)) return false;
  std::size_t i = 13;
  for (int part = 0; part < 2 && i + 2 < s.size() + 1 && s[i] == ':' && digits(i + 1, 2); ++part) i += 3;
  const std::string_view zone = s.substr(i);
  if (zone == "Z") return true;
  return (zone.size() == 3 || zone.size() == 6) && (zone[0] == '+' || zone[0] == '-') && digits(i + 1, 2) &&
         (zone.size() == 3 || (zone[3] == ':' && digits(i + 4, 2)));
}

std::vector<std::string> popolo_check(const std::vector<StandardFile>& files) {
  Problems p;
  struct Ref {
    std::string where, prop, id, collection;
  };
  std::map<std::string, std::set<std::string>> ids;  // collection -> ids
  std::vector<Ref> refs;
  const std::map<std::string, std::vector<Prop>> spec = {
      {"persons",
       {{"id", K::string, true}, {"name", K::string}, {"other_names", K::objects}, {"identifiers", K::objects},
        {"family_name", K::string}, {"given_name", K::string}, {"email", K::string}, {"gender", K::string},
        {"birth_date", K::string}, {"death_date", K::string}, {"image", K::url}, {"summary", K::string},
        {"biography", K::string}, {"contact_details", K::objects}, {"links", K::objects}, {"sources", K::objects}}},
      {"organizations",
       {{"id", K::string, true}, {"name", K::string}, {"other_names", K::objects}, {"identifiers", K::objects},
        {"classification", K::string}, {"parent_id", K::string, false, "organizations"}, {"area_id", K::string},
        {"abstract", K::string}, {"description", K::string}, {"founding_date", K::string},
        {"dissolution_date", K::string}, {"image", K::url}, {"contact_details", K::objects}, {"links", K::objects},
        {"sources", K::objects}}},
      {"memberships",
       {{"id", K::string, true}, {"label", K::string}, {"role", K::string},
        {"person_id", K::string, false, "persons"}, {"organization_id", K::string, false, "organizations"},
        {"post_id", K::string}, {"on_behalf_of_id", K::string, false, "organizations"}, {"area_id", K::string},
        {"start_date", K::string}, {"end_date", K::string}, {"contact_details", K::objects}, {"links", K::objects},
        {"sources", K::objects}}},
      {"events",
       {{"id", K::string, true}, {"name", K::string}, {"description", K::string}, {"start_date", K::string},
        {"end_date", K::string}, {"location", K::string}, {"status", K::string}, {"identifiers", K::objects},
        {"classification", K::string}, {"organization_id", K::string, false, "organizations"},
        {"attendees", K::objects}, {"parent_id", K::string, false, "events"}, {"sources", K::objects}}},
      {"motions",
       {{"id", K::string, true}, {"organization_id", K::string, false, "organizations"},
        {"legislative_session_id", K::string, false, "events"}, {"creator_id", K::string, false, "persons"},
        {"text", K::string}, {"identifier", K::string}, {"classification", K::string}, {"date", K::date_time},
        {"requirement", K::string}, {"result", K::string}, {"sources", K::objects}}},
      {"vote_events",
       {{"id", K::string, true}, {"organization_id", K::string, false, "organizations"},
        {"legislative_session_id", K::string, false, "events"}, {"identifier", K::string},
        {"motion_id", K::string, false, "motions"}, {"classification", K::string}, {"start_date", K::date_time},
        {"end_date", K::date_time}, {"result", K::string}, {"group_results", K::objects}, {"counts", K::objects},
        {"votes", K::objects}, {"sources", K::objects}}},
  };
  const std::set<std::string_view> dated = {"start_date", "end_date", "birth_date", "death_date", "founding_date",
                                            "dissolution_date"};
  for (const auto& f : files) {
    json doc;
    try {
      doc = parse_document(f.text, f.path);
    } catch (const parse_error& e) {
      p.add(f.path, "", e.what());
      continue;
    }
    if (!doc.is_object()) {
      p.add(f.path, "", "should be an object of Popolo collections");
      continue;
    }
    for (const auto& [collection, props] : spec) {
      if (!doc.contains(collection)) continue;
      const json& list = doc[collection];
      if (!list.is_array()) {
        p.add(f.path, collection, "should be an array");
        continue;
      }
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = f.path + ": " + collection + "[" + std::to_string(i) + "]";
        const json& o = list[i];
        if (!o.is_object()) {
          p.add(where, "", "should be an object");
          continue;
        }
        for (const auto& pr : props)
          if (pr.required && !o.contains(pr.name)) p.add(where, pr.name, "is required");
        for (const auto& pr : props) {
          if (!o.contains(pr.name) || o[pr.name].is_null()) continue;
          const json& v = o[pr.name];
          if (!check_kind(v, pr.kind, where, pr.name, p)) continue;
          if (pr.name == "id" && !ids[collection].insert(v.get<std::string>()).second)
            p.add(where, "id", v.get<std::string>() + " is the id of another " + collection.substr(0, collection.size() - 1) + " too");
          if (!pr.refers_to.empty()) refs.push_back({where, std::string(pr.name), v.get<std::string>(), std::string(pr.refers_to)});
          if (dated.count(pr.name) && collection != "vote_events" && !is_iso8601(v.get<std::string>()))
            p.add(where, pr.name, "'" + v.get<std::string>() + "' is not an ISO 8601 date");
        }
        for (const char* k : {"other_names"})
          if (o.contains(k) && o[k].is_array())
            for (const auto& n : o[k])
              if (!n.is_object() || !n.contains("name") || !n["name"].is_string())
                p.add(where, k, "each other name needs its name");
        if (o.contains("identifiers") && o["identifiers"].is_array())
          for (const auto& n : o["identifiers"])
            if (!n.is_object() || !n.contains("identifier") || !n["identifier"].is_string())
              p.add(where, "identifiers", "each identifier needs its identifier (a string)");
        if (collection == "events" && o.contains("attendees") && o["attendees"].is_array())
          for (std::size_t k = 0; k < o["attendees"].size(); ++k) {
            const auto& a = o["attendees"][k];
            if (a.is_object() && a.contains("id") && a["id"].is_string())
              refs.push_back({where, "attendees[" + std::to_string(k) + "].id", a["id"].get<std::string>(), "persons"});
          }
        if (collection == "vote_events") {
          std::set<std::string> options;
          if (o.contains("counts") && o["counts"].is_array())
            for (std::size_t k = 0; k < o["counts"].size(); ++k) {
              const auto& c = o["counts"][k];
              const std::string cw = "counts[" + std::to_string(k) + "]";
              if (!c.contains("option") || !c["option"].is_string()) p.add(where, cw + ".option", "is required (a string)");
              else if (!popolo_options.count(c["option"].get<std::string>()))
                p.add(where, cw + ".option", "'" + c["option"].get<std::string>() + "' is not in Popolo's option code list");
              else if (!options.insert(c["option"].get<std::string>()).second)
                p.add(where, cw + ".option", "counted twice");
              if (!c.contains("value") || !c["value"].is_number_integer() || c["value"].get<std::int64_t>() < 0)
                p.add(where, cw + ".value", "is required (a whole number)");
            }
          if (o.contains("votes") && o["votes"].is_array())
            for (std::size_t k = 0; k < o["votes"].size(); ++k) {
              const auto& v = o["votes"][k];
              const std::string vw = "votes[" + std::to_string(k) + "]";
              if (v.contains("option") && (!v["option"].is_string() || !popolo_options.count(v["option"].get<std::string>())))
                p.add(where, vw + ".option", "is not in Popolo's option code list");
              if (v.contains("voter_id") && v["voter_id"].is_string())
                refs.push_back({where, vw + ".voter_id", v["voter_id"].get<std::string>(), "persons"});
            }
        }
        if ((collection == "vote_events" || collection == "motions") && o.contains("result") && o["result"].is_string() &&
            !popolo_results.count(o["result"].get<std::string>()))
          p.add(where, "result", "'" + o["result"].get<std::string>() + "' is not in Popolo's result code list");
      }
    }
  }
  for (const auto& r : refs)
    if (!ids[r.collection].count(r.id)) p.add(r.where, r.prop, "refers to " + r.id + ", which is not among the " + r.collection);
  return p.take();
}

// ---- OCDS 1.1 ----

const std::set<std::string_view> ocds_tags = {"planning",          "planningUpdate",   "tender",
                                              "tenderAmendment",   "tenderUpdate",     "tenderCancellation",
                                              "award",             "awardUpdate",      "awardCancellation",
                                              "contract",          "contractUpdate",   "contractAmendment",
                                              "implementation",    "implementationUpdate", "contractTermination",
                                              "compiled"};
const std::set<std::string_view> ocds_roles = {"buyer",   "procuringEntity", "supplier", "tenderer",
                                               "funder",  "enquirer",        "payer",    "payee",
                                               "reviewBody", "interestedParty"};
const std::set<std::string_view> ocds_milestone_types = {"preProcurement", "approval", "engagement", "assessment",
                                                         "delivery",       "reporting", "financing", "payment"};
const std::set<std::string_view> ocds_milestone_status = {"scheduled", "met", "notMet", "partiallyMet"};
const std::set<std::string_view> ocds_award_status = {"pending", "active", "cancelled", "unsuccessful"};
const std::set<std::string_view> ocds_contract_status = {"pending", "active", "cancelled", "terminated"};

void ocds_value(const json& v, const std::string& where, std::string_view prop, Problems& p) {
  if (!v.is_object()) {
    p.add(where, prop, "should be a Value object");
    return;
  }
  if (v.contains("amount") && !v["amount"].is_number()) p.add(where, std::string(prop) + ".amount", "should be a number");
  if (v.contains("currency")) {
    const std::string code = v["currency"].is_string() ? v["currency"].get<std::string>() : std::string();
    const bool ok = code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!ok) p.add(where, std::string(prop) + ".currency", "should be an ISO 4217 code");
  }
  if (v.contains("amount") && !v.contains("currency")) p.add(where, prop, "an amount needs its currency");
}

void ocds_date(const json& o, const char* key, const std::string& where, Problems& p) {
  if (o.contains(key) && !o[key].is_null() && !(o[key].is_string() && is_date_time(o[key].get<std::string>())))
    p.add(where, key, "should be an RFC 3339 date-time");
}

void ocds_code(const json& o, const char* key, const std::set<std::string_view>& codes, const std::string& where,
               Problems& p) {
  if (o.contains(key) && !o[key].is_null() && !(o[key].is_string() && codes.count(o[key].get<std::string>())))
    p.add(where, key, o[key].dump() + " is not in the code list");
}

void ocds_ids_unique(const json& list, const std::string& where, std::string_view prop, Problems& p) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string w = where + "." + std::string(prop) + "[" + std::to_string(i) + "]";
    if (!list[i].is_object() || !list[i].contains("id") || !(list[i]["id"].is_string() || list[i]["id"].is_number_integer())) {
      p.add(w, "id", "is required (a string)");
      continue;
    }
    if (!seen.insert(list[i]["id"].dump()).second) p.add(w, "id", list[i]["id"].dump() + " is not unique in " + std::string(prop));
  }
}

std::vector<std::string> ocds_check(const std::vector<StandardFile>& files) {
  Problems p;
  std::set<std::string> release_ids;
  for (const auto& f : files) {
    json doc;
    try {
      doc = parse_document(f.text, f.path);
    } catch (const parse_error& e) {
      p.add(f.path, "", e.what());
      continue;
    }
    const std::string w = f.path;
    if (!doc.is_object()) {
      p.add(w, "", "a release package should be an object");
      continue;
    }
    for (const char* k : {"uri", "publisher", "publishedDate", "releases", "version"})
      if (!doc.contains(k)) p.add(w, k, "is required in a release package");
    if (doc.contains("uri") && !(doc["uri"].is_string() && is_url(doc["uri"].get<std::string>())))
      p.add(w, "uri", "should be a URI");
    if (doc.contains("version") && doc["version"] != "1.1") p.add(w, "version", "should be \"1.1\"");
    ocds_date(doc, "publishedDate", w, p);
    if (doc.contains("publisher") && !(doc["publisher"].is_object() && doc["publisher"].contains("name") &&
                                       doc["publisher"]["name"].is_string()))
      p.add(w, "publisher", "should be an object with a name");
    if (doc.contains("extensions") && !(doc["extensions"].is_array()))
      p.add(w, "extensions", "should be an array of URLs of extension.json files");
    if (!doc.contains("releases") || !doc["releases"].is_array()) continue;
    if (doc["releases"].empty()) p.add(w, "releases", "a release package needs at least one release (no agreement to publish)");
    for (std::size_t i = 0; i < doc["releases"].size(); ++i) {
      const json& r = doc["releases"][i];
      const std::string rw = w + ": releases[" + std::to_string(i) + "]";
      if (!r.is_object()) {
        p.add(rw, "", "should be an object");
        continue;
      }
      for (const char* k : {"ocid", "id", "date", "tag", "initiationType"})
        if (!r.contains(k)) p.add(rw, k, "is required in a release");
      if (r.contains("ocid") && !(r["ocid"].is_string() && r["ocid"].get<std::string>().starts_with("ocds-")))
        p.add(rw, "ocid", "should begin with a registered prefix \"ocds-xxxxxx\"");
      if (r.contains("ocid") && r.contains("id") && r["ocid"].is_string() && r["id"].is_string() &&
          !release_ids.insert(r["ocid"].get<std::string>() + "\n" + r["id"].get<std::string>()).second)
        p.add(rw, "id", "another release of the same ocid has this id");
      ocds_date(r, "date", rw, p);
      if (r.contains("tag")) {
        if (!r["tag"].is_array() || r["tag"].empty()) p.add(rw, "tag", "should be a non-empty array of release tags");
        else
          for (const auto& t : r["tag"])
            if (!t.is_string() || !ocds_tags.count(t.get<std::string>())) p.add(rw, "tag", t.dump() + " is not a release tag");
      }
      if (r.contains("initiationType") && r["initiationType"] != "tender")
        p.add(rw, "initiationType", "should be \"tender\" (the only code of the list)");
      std::set<std::string> parties;
      if (r.contains("parties")) {
        ocds_ids_unique(r["parties"], rw, "parties", p);
        for (std::size_t k = 0; k < r["parties"].size(); ++k) {
          const json& party = r["parties"][k];
          const std::string pw = rw + ".parties[" + std::to_string(k) + "]";
          if (party.is_object() && party.contains("id") && party["id"].is_string()) parties.insert(party["id"].get<std::string>());
          if (party.contains("name") && !party["name"].is_string()) p.add(pw, "name", "should be a string");
          if (party.contains("roles")) {
            if (!party["roles"].is_array()) p.add(pw, "roles", "should be an array");
            else
              for (const auto& role : party["roles"])
                if (!role.is_string() || !ocds_roles.count(role.get<std::string>()))
                  p.add(pw, "roles", role.dump() + " is not in the partyRole code list");
          }
          if (party.contains("identifier") && !(party["identifier"].is_object()))
            p.add(pw, "identifier", "should be an Identifier object");
        }
      }
      const auto org_ref = [&](const json& o, const char* key, const std::string& where) {
        if (!o.contains(key)) return;
        if (!o[key].is_object() || !o[key].contains("id") || !o[key]["id"].is_string())
          p.add(where, key, "should be an OrganizationReference with an id");
        else if (!parties.count(o[key]["id"].get<std::string>()))
          p.add(where, key, "names " + o[key]["id"].get<std::string>() + ", which is not among the release's parties");
      };
      std::set<std::string> awards;
      if (r.contains("awards")) {
        ocds_ids_unique(r["awards"], rw, "awards", p);
        for (std::size_t k = 0; k < r["awards"].size(); ++k) {
          const json& a = r["awards"][k];
          const std::string aw = rw + ".awards[" + std::to_string(k) + "]";
          if (a.is_object() && a.contains("id")) awards.insert(a["id"].dump());
          ocds_code(a, "status", ocds_award_status, aw, p);
          if (a.contains("value")) ocds_value(a["value"], aw, "value", p);
        }
      }
      if (r.contains("contracts")) {
        ocds_ids_unique(r["contracts"], rw, "contracts", p);
        for (std::size_t k = 0; k < r["contracts"].size(); ++k) {
          const json& c = r["contracts"][k];
          const std::string cw = rw + ".contracts[" + std::to_string(k) + "]";
          if (!c.is_object()) continue;
          if (!c.contains("awardID")) p.add(cw, "awardID", "is required in a contract");
          else if (!awards.count(c["awardID"].dump())) p.add(cw, "awardID", c["awardID"].dump() + " names no award of the release");
          ocds_code(c, "status", ocds_contract_status, cw, p);
          if (c.contains("value")) ocds_value(c["value"], cw, "value", p);
          ocds_date(c, "dateSigned", cw, p);
          if (c.contains("period")) {
            if (!c["period"].is_object()) p.add(cw, "period", "should be a Period object");
            else {
              ocds_date(c["period"], "startDate", cw + ".period", p);
              ocds_date(c["period"], "endDate", cw + ".period", p);
            }
          }
          if (c.contains("milestones")) {
            ocds_ids_unique(c["milestones"], cw, "milestones", p);
            for (std::size_t m = 0; m < c["milestones"].size(); ++m) {
              const json& ms = c["milestones"][m];
              const std::string mw = cw + ".milestones[" + std::to_string(m) + "]";
              ocds_code(ms, "type", ocds_milestone_types, mw, p);
              ocds_code(ms, "status", ocds_milestone_status, mw, p);
              ocds_date(ms, "dueDate", mw, p);
              ocds_date(ms, "dateMet", mw, p);
              ocds_date(ms, "dateModified", mw, p);
              if (ms.contains("value")) ocds_value(ms["value"], mw, "value", p);
            }
          }
          if (c.contains("implementation") && c["implementation"].is_object() &&
              c["implementation"].contains("transactions")) {
            const json& ts = c["implementation"]["transactions"];
            ocds_ids_unique(ts, cw + ".implementation", "transactions", p);
            for (std::size_t t = 0; t < ts.size(); ++t) {
              const std::string tw = cw + ".implementation.transactions[" + std::to_string(t) + "]";
              ocds_date(ts[t], "date", tw, p);
              if (ts[t].contains("value")) ocds_value(ts[t]["value"], tw, "value", p);
              org_ref(ts[t], "payer", tw);
              org_ref(ts[t], "payee", tw);
            }
          }
        }
      }
    }
  }
  return p.take();
}

}  // namespace

std::vector<std::string> check_oparl(const std::vector<StandardFile>& files) { return OParlCheck().run(files); }
std::vector<std::string> check_popolo(const std::vector<StandardFile>& files) { return popolo_check(files); }
std::vector<std::string> check_ocds(const std::vector<StandardFile>& files) { return ocds_check(files); }

}  // namespace standards
SAMVERKAN_END_NAMESPACE
