// From a parsed document to records in a corpus: names become ids.
#include "lines.hpp"
#include "scan.hpp"

#include <samverkan/import/document.hpp>

#include <fstream>

#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/import/minutes.hpp>
#include <samverkan/io/archive.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

namespace {

using namespace detail;

// Undo log for the strong guarantee: what was added, and the old values of
// what was changed.
struct Undo {
  std::vector<OrganisationId> organisations;
  std::vector<PersonId> people;
  std::vector<MeetingId> meetings;
  std::vector<ActionItemId> actions;
  std::vector<Organisation> changed;  // earlier values, first change only

  void rollback(Corpus& corpus) noexcept {
    try {
      for (auto& id : actions) corpus.remove(id);
      for (auto& id : meetings) corpus.remove(id);
      for (auto& id : people) corpus.remove(id);
      for (auto& id : organisations) corpus.remove(id);
      for (auto it = changed.rbegin(); it != changed.rend(); ++it) corpus.update(*it);
    } catch (...) {
      // Removing and restoring records that exist cannot fail but for lack
      // of memory; the caller's exception is the one to report.
    }
  }
};

class Resolver {
 public:
  Resolver(Corpus& corpus, const ParsedMinutes& minutes, ImportResult& result, const ParseOptions& options)
      : corpus_(corpus), minutes_(minutes), result_(result), update_existing_(options.update_existing) {}

  void run() {
    try {
      add();
    } catch (...) {
      undo_.rollback(corpus_);
      throw;
    }
  }

 private:
  void warn(const Provenance& where, std::string message, std::string text = {}) {
    result_.warnings.push_back(Warning{minutes_.document, where.first_line, std::move(message), std::move(text),
                                       locate(minutes_, where.first_line, where.last_line)});
  }

  // A PDF's or Word document's provenance counts lines of its decoded text;
  // where that is in the original goes beside it, for a reader to find.
  void locate_in_original(Extensions& extensions, const Provenance& where) const {
    if (minutes_.locations.empty()) return;
    if (auto at = locate(minutes_, where.first_line, where.last_line); !at.empty())
      extensions["source.location"] = std::move(at);
  }

  void touch(const Organisation& before) {
    for (const auto& o : undo_.changed)
      if (o.id == before.id) return;
    for (const auto& id : undo_.organisations)
      if (id == before.id) return;
    undo_.changed.push_back(before);
  }

  void add_alias(const OrganisationId& id, const std::string& alias) {
    Organisation org = corpus_.get(id);
    if (fold(org.name) == fold(alias)) return;
    for (const auto& a : org.aliases)
      if (fold(a) == fold(alias)) return;
    touch(org);
    org.aliases.push_back(alias);
    corpus_.update(std::move(org));
  }

  // Organisation by name, alias, acronym or a region's core name; created
  // when nothing matches.
  OrganisationId organisation(std::string name, OrganisationKind kind_hint = OrganisationKind::other) {
    name = std::string(strip_punct(name));
    // "Västra Götalandsregionen (VGR)": a name and its acronym.
    std::string alias;
    if (!name.empty() && name.back() == ')') {
      const std::size_t open = name.rfind('(');
      if (open != std::string::npos && open > 0) {
        alias = std::string(trim(std::string_view(name).substr(open + 1, name.size() - open - 2)));
        name = std::string(strip_punct(std::string_view(name).substr(0, open)));
        if (!all_caps(alias)) alias.clear();
      }
    }
    if (auto found = corpus_.resolve_organisation(name)) {
      if (!alias.empty()) add_alias(*found, alias);
      return *found;
    }
    if (!alias.empty())
      if (auto found = corpus_.resolve_organisation(alias)) {
        add_alias(*found, name);
        return *found;
      }
    const std::string folded = fold(name);
    std::optional<OrganisationId> match;
    bool ambiguous = false;
    const auto consider = [&](const OrganisationId& id) {
      if (match && *match != id) ambiguous = true;
      match = id;
    };
    // These scans run once per name no record has yet, and test the cheap
    // things first, so that importing thousands of documents stays linear.
    if (all_caps(name) && name.size() <= 12) {
      // "VGR" written where "Västra Götalandsregionen" was met before.
      for (const auto& [id, org] : corpus_.organisations()) {
        if (org.name.empty() || detail::lower(org.name.substr(0, 1)) != folded.substr(0, 1)) continue;
        for (const auto& a : acronyms(org.name))
          if (a == folded) consider(id);
      }
    } else {
      const std::string core = region_core(name);
      const auto names = acronyms(name);
      for (const auto& [id, org] : corpus_.organisations()) {
        if (!core.empty() && org.kind == OrganisationKind::region) {
          bool same = region_core(org.name) == core;
          for (const auto& a : org.aliases) same = same || region_core(a) == core;
          if (same) consider(id);
        }
        // An organisation first met under its acronym gets its full name now.
        if (org.kind == OrganisationKind::other && all_caps(org.name) &&
            std::find(names.begin(), names.end(), fold(org.name)) != names.end())
          consider(id);
      }
    }
    if (match && !ambiguous) {
      const Organisation& org = corpus_.get(*match);
      if (all_caps(org.name) && !all_caps(name)) {
        // Keep the full name as the name and the acronym as an alias.
        Organisation renamed = org;
        touch(org);
        renamed.aliases.push_back(renamed.name);
        renamed.name = name;
        if (renamed.kind == OrganisationKind::other) renamed.kind = guess_kind(name);
        corpus_.update(std::move(renamed));
      } else {
        add_alias(*match, name);
      }
      if (!alias.empty()) add_alias(*match, alias);
      return *match;
    }
    Organisation org;
    // "förvaltningen", written in running text, names an organisation.
    org.name = name;
    if (!org.name.empty() && detail::starts_lower(org.name)) {
      const std::string first_upper = detail::lower(org.name.substr(0, 1)) == org.name.substr(0, 1)
                                          ? std::string(1, static_cast<char>(org.name[0] - 32))
                                          : org.name.substr(0, 1);
      if (org.name[0] >= 'a' && org.name[0] <= 'z') org.name = first_upper + org.name.substr(1);
    }
    if (!alias.empty()) org.aliases.push_back(alias);
    org.kind = guess_kind(name);
    if (org.kind == OrganisationKind::other) org.kind = kind_hint;
    org.provenance = Provenance{minutes_.document, 0, 0};
    const auto id = corpus_.add(std::move(org));
    undo_.organisations.push_back(id);
    result_.new_organisations.push_back(id);
    return id;
  }

  PersonId person(const std::string& name, const std::optional<OrganisationId>& org, const Provenance& where) {
    if (!corpus_.resolve_person(name).empty()) return corpus_.resolve_or_add_person(name, org);
    // Made here rather than by resolve_or_add_person, so that it carries
    // where it was first read.
    Person p;
    p.name = name;
    p.organisation = org;
    p.provenance = where;
    const auto id = corpus_.add(std::move(p));
    undo_.people.push_back(id);
    result_.new_people.push_back(id);
    return id;
  }

  // A name as a record writes it in running text: a full name, or a first
  // name that only one attendee has.
  std::optional<PersonId> attendee_by_name(const std::string& name) const {
    const std::string key = fold(name);
    if (const auto full = attendee_names_.find(key); full != attendee_names_.end()) return full->second;
    const auto first = attendee_first_names_.find(key);
    if (first == attendee_first_names_.end()) return std::nullopt;
    return first->second;  // nullopt when two attendees share the first name
  }

  // A member named in a vote or a reservation: an attendee of the meeting;
  // a name the attendance did not list is warned of and made a person.
  std::optional<PersonId> member(const std::string& name, const Provenance& where, std::string_view what) {
    if (name.empty()) return std::nullopt;
    if (auto id = attendee_by_name(name)) return id;
    warn(where, "\"" + name + "\" in " + std::string(what) + " is not among the meeting's attendees");
    if (!looks_like_person(name)) return std::nullopt;
    return person(name, std::nullopt, where);
  }

  void remember_attendee(const std::string& name, const PersonId& id) {
    attendee_ids_.emplace_back(name, id);
    attendee_names_.emplace(fold(name), id);
    const auto ws = words(name);
    if (ws.empty()) return;
    const auto [at, inserted] = attendee_first_names_.emplace(fold(ws[0]), id);
    if (!inserted && at->second != id) at->second.reset();
  }

  bool names_the_body(const std::string& text) const {
    const std::string t = fold(text);
    if (t.empty()) return true;
    const std::string body = fold(minutes_.body);
    // "Mötet", "Nämnden", "Styrgruppen" in a record of that body mean the body.
    for (std::string_view generic : {"mötet", "gruppen", "vi", "man"})
      if (t == generic) return true;
    for (std::string_view generic : {"arbetsgruppen", "styrgruppen", "nämnden", "styrelsen", "utskottet",
                                     "beredningen", "rådet", "samverkansgruppen", "ledningsgruppen", "referensgruppen",
                                     "samrådet", "länsstyrgruppen"})
      if (t == generic && body.find(generic.substr(0, generic.size() - 3)) != std::string::npos) return true;
    return t == body || (!body.empty() && (body.find(t) == 0 || t.find(body) == 0));
  }

  void add() {
    // The body that met.
    std::string body_name = minutes_.body;
    if (body_name.empty()) {
      body_name = minutes_.title.empty() ? "Okänt organ (" + minutes_.document + ")" : minutes_.title;
      warn(Provenance{}, "the body that met could not be read; named \"" + body_name + "\"");
    }
    const auto body = organisation(body_name, OrganisationKind::working_group);

    Meeting meeting;
    meeting.record_kind = minutes_.record_kind;
    meeting.body = body;
    meeting.title = minutes_.title.empty() ? body_name : minutes_.title;
    meeting.date = minutes_.date;
    meeting.start = minutes_.start;
    meeting.end = minutes_.end;
    meeting.place = minutes_.place;
    meeting.form = minutes_.form;
    meeting.adjusted_on = minutes_.adjusted_on;
    meeting.next_meeting = minutes_.next_meeting;
    meeting.extensions = minutes_.extensions;
    if (!minutes_.document.empty()) meeting.extensions["source.document"] = minutes_.document;
    // A writer the record names only as its secretary ("Sekreterare" in the
    // signatures) carries no record_writer role; the meeting says who wrote it.
    {
      bool role = false;
      for (const auto& a : minutes_.attendees)
        role = role || std::find(a.roles.begin(), a.roles.end(), MeetingRole::record_writer) != a.roles.end();
      if (!role && !minutes_.writer.empty()) meeting.extensions["source.writer"] = minutes_.writer;
    }
    meeting.provenance = Provenance{minutes_.document, minutes_.line_count ? 1u : 0u, minutes_.line_count};

    // The same record imported twice is one meeting.
    // Looked up by date where there is one: a body may have thousands of meetings.
    const auto candidates = meeting.date ? corpus_.meetings_in(Period{meeting.date, meeting.date})
                                         : corpus_.meetings_of(body);
    for (const auto& id : candidates) {
      const Meeting& m = corpus_.get(id);
      if (m.body == body && m.date == meeting.date && fold(m.title) == fold(meeting.title)) {
        result_.meeting = id;
        if (!update_existing_) {
          warn(Provenance{}, "this meeting is already in the corpus as " + id.str() + "; not added again");
          return;
        }
        existing_ = id;
        break;
      }
    }
    // A meeting already held is built apart, with its action items, and
    // taken in by the corpus's merge, the same step that joins corpora
    // imported apart: what this document adds (attendees, items, decisions,
    // assignments) joins the meeting, what it says otherwise is reported.
    Corpus apart;
    Corpus& into = existing_ ? apart : corpus_;

    std::set<PersonId> listed;
    for (const auto& a : minutes_.attendees) {
      std::optional<OrganisationId> org;
      if (!a.organisation.empty()) org = organisation(a.organisation);
      const auto pid = person(a.name, org, a.provenance);
      remember_attendee(a.name, pid);
      if (!listed.insert(pid).second) {
        warn(a.provenance, "listed twice; the second listing is merged into the first", a.name);
        continue;
      }
      Attendance att;
      att.person = pid;
      att.represents = org;
      att.status = a.status;
      att.roles = a.roles;
      att.coopted_for_items = a.coopted_for_items;
      att.note = a.note;
      if (!a.group.empty()) att.extensions["source.group"] = a.group;
      if (!a.title.empty()) att.extensions["source.title"] = a.title;
      att.party = a.party;
      att.provenance = a.provenance;
      locate_in_original(att.extensions, a.provenance);
      meeting.attendance.push_back(std::move(att));
    }
    // Substitutes name members who may be listed anywhere in the record.
    for (std::size_t k = 0; k < minutes_.attendees.size() && k < meeting.attendance.size(); ++k) {
      const auto& a = minutes_.attendees[k];
      if (a.substitute_for.empty()) continue;
      const auto where = std::find_if(meeting.attendance.begin(), meeting.attendance.end(), [&](const Attendance& x) {
        return x.person == attendee_ids_[k].second;
      });
      if (where == meeting.attendance.end()) continue;
      auto& att = *where;
      auto target = attendee_by_name(a.substitute_for);
      if (!target) target = person(a.substitute_for, std::nullopt, a.provenance);
      if (*target != att.person) att.substitute_for = target;
    }
    // Co-opted item numbers must name items of this record.
    for (auto& att : meeting.attendance) {
      std::vector<std::string> kept;
      for (const auto& n : att.coopted_for_items) {
        const bool exists = std::any_of(minutes_.items.begin(), minutes_.items.end(),
                                        [&](const ParsedItem& it) { return it.number == n; });
        if (exists) kept.push_back(n);
        else warn(att.provenance.value_or(Provenance{}), "co-opted for item " + n + ", which the record does not have");
      }
      att.coopted_for_items = std::move(kept);
    }

    std::uint32_t order = 0;
    for (const auto& p : minutes_.items) {
      AgendaItem item;
      item.number = p.number;
      item.order = ++order;
      item.title = p.title;
      item.purposes = p.purposes;
      item.text = p.text;
      item.case_number = p.case_number;
      item.amounts = p.amounts;
      item.dates = p.dates;
      item.attachments = p.attachments;
      item.provenance = p.provenance;
      locate_in_original(item.extensions, p.provenance);
      if (!p.sent_to.empty()) {
        std::string joined;
        for (const auto& s : p.sent_to) joined += (joined.empty() ? "" : "; ") + s;
        item.extensions["source.sent_to"] = joined;
      }
      for (const auto& name : p.presenters) {
        std::optional<PersonId> id = attendee_by_name(name);
        if (!id && looks_like_person(name)) id = person(name, std::nullopt, p.provenance);
        if (!id) {
          warn(p.provenance, "the presenter \"" + name + "\" is not a name met in the record; kept in the item's extensions");
          item.extensions["source.presenters"] += (item.extensions["source.presenters"].empty() ? "" : "; ") + name;
          continue;
        }
        if (std::find(item.presenters.begin(), item.presenters.end(), *id) == item.presenters.end())
          item.presenters.push_back(*id);
      }
      for (const auto& d : p.decisions) {
        Decision dec;
        dec.kind = d.kind;
        dec.text = d.text;
        dec.proposal = d.proposal;
        if (!d.body.empty() && !names_the_body(d.body)) dec.body = organisation(d.body);
        if (d.text.empty()) dec.extensions["source.status"] = "proposal";
        dec.procedural = d.procedural;
        dec.provenance = d.provenance;
        locate_in_original(dec.extensions, d.provenance);
        for (const auto& v : d.votes) {
          Vote vote;
          vote.question = v.question;
          vote.yes = v.yes;
          vote.no = v.no;
          vote.abstain = v.abstain;
          for (const auto& c : v.casts)
            if (auto id = member(c.name, v.provenance, "a vote"))
              vote.votes.push_back(VoteCast{*id, c.option});
          dec.votes.push_back(std::move(vote));
        }
        for (const auto& r : d.reservations) {
          auto id = member(r.name, r.provenance, "a reservation");
          if (!id) continue;
          Reservation res;
          res.person = *id;
          res.text = r.text;
          if (!r.party.empty()) res.extensions["source.party"] = r.party;
          dec.reservations.push_back(std::move(res));
        }
        item.decisions.push_back(std::move(dec));
      }
      for (const auto& e : p.escalations) {
        Escalation esc;
        esc.what = e.what;
        if (!e.to.empty()) esc.to = organisation(e.to, OrganisationKind::collaboration_body);
        esc.provenance = e.provenance;
        locate_in_original(esc.extensions, e.provenance);
        item.escalations.push_back(std::move(esc));
      }
      meeting.items.push_back(std::move(item));
    }

    // The warnings stay with the meeting, so that a corpus built from a
    // folder still says what its documents held that was not read.
    if (!result_.warnings.empty()) {
      std::string joined;
      for (const auto& w : result_.warnings) {
        if (!joined.empty()) joined += '\n';
        joined += w.line ? "line " + std::to_string(w.line) + ": " : std::string();
        joined += w.message;
        if (!w.text.empty()) joined += ": \xC2\xAB" + w.text + "\xC2\xBB";
      }
      meeting.extensions["source.warnings"] = joined;
    }
    const auto meeting_id = into.add(std::move(meeting));
    if (!existing_) {
      undo_.meetings.push_back(meeting_id);
      result_.meeting = meeting_id;
    }
    const Meeting& stored = into.get(meeting_id);

    for (std::size_t i = 0; i < minutes_.items.size(); ++i) {
      const auto& p = minutes_.items[i];
      for (const auto& a : p.assignments) {
        ActionItem action;
        // Named after the meeting and item ("action/2024-03-14-styrgrupp/5-1"):
        // readable, and unique without probing for a free name among
        // thousands of "ta fram ett förslag".
        {
          const std::string item_key = p.number.empty() ? std::to_string(i + 1) : p.number;
          std::string tail = meeting_id.str();
          if (const auto slash = tail.find('/'); slash != std::string::npos) tail = tail.substr(slash + 1);
          std::string candidate = "action/" + tail + "/" + item_key + "-" + std::to_string(++action_counter_[i]);
          if (into.find(ActionItemId(candidate))) candidate.clear();  // taken: let the corpus name it
          action.id = ActionItemId(candidate);
        }
        action.what = a.what;
        action.due = a.due;
        action.meeting = meeting_id;
        action.item_number = p.number;
        action.item_order = stored.items[i].order;
        if (a.decision && *a.decision < stored.items[i].decisions.size())
          action.decision = stored.items[i].decisions[*a.decision].id;
        action.provenance = a.provenance;
        locate_in_original(action.extensions, a.provenance);
        if (auto id = attendee_by_name(a.owner)) {
          action.owner_person = id;
          if (const auto* at = find_attendance(stored, *id); at && at->represents)
            action.owner_organisation = at->represents;
        } else if (looks_like_person(a.owner)) {
          action.owner_person = person(a.owner, std::nullopt, a.provenance);
        } else if (!a.owner.empty()) {
          action.owner_organisation = names_the_body(a.owner) ? body : organisation(a.owner);
        } else {
          warn(a.provenance, "an assignment without an owner; the meeting's body is taken as the owner", a.what);
          action.owner_organisation = body;
        }
        const auto id = into.add(std::move(action));
        if (!existing_) undo_.actions.push_back(id);
        result_.action_items.push_back(id);
      }
    }
    if (existing_) take_in(apart);
  }

  // The meeting built apart joins the one already held. The merge keeps the
  // corpus as it was if it throws, and is the last step, so that the undo of
  // people and organisations made on the way stays the whole undo.
  void take_in(const Corpus& apart) {
    const Meeting before = corpus_.get(*existing_);
    const std::size_t actions_before = corpus_.action_items().size();
    const MergeReport report = corpus_.merge(apart);
    std::map<std::string, std::string> renamed;
    for (const auto& [from, to] : report.renamed) renamed[from.id] = to.id;
    const auto here = [&](const std::string& id) {
      const auto it = renamed.find(id);
      return it == renamed.end() ? id : it->second;
    };
    result_.meeting = MeetingId(here(result_.meeting.str()));
    for (auto& id : result_.action_items) id = ActionItemId(here(id.str()));

    const Meeting& after = corpus_.get(result_.meeting);
    std::size_t decisions_before = 0, decisions_after = 0;
    for (const auto& item : before.items) decisions_before += item.decisions.size();
    for (const auto& item : after.items) decisions_after += item.decisions.size();
    std::vector<std::string> added;
    const auto count = [&](std::size_t n, const char* one, const char* many) {
      if (n) added.push_back(std::to_string(n) + " " + (n == 1 ? one : many));
    };
    count(after.attendance.size() - before.attendance.size(), "attendee", "attendees");
    count(after.items.size() - before.items.size(), "agenda item", "agenda items");
    count(decisions_after - decisions_before, "decision", "decisions");
    count(corpus_.action_items().size() - actions_before, "action item", "action items");
    std::string message = "this meeting is already in the corpus as " + result_.meeting.str() + "; ";
    if (added.empty()) {
      message += "the document adds nothing to it";
    } else {
      message += "the document adds ";
      for (std::size_t i = 0; i < added.size(); ++i)
        message += (i == 0 ? "" : i + 1 == added.size() ? " and " : ", ") + added[i];
    }
    // Fields the two records give differently keep the earlier value.
    std::size_t differing = 0;
    for (const auto& conflict : report.conflicts)
      if (conflict.find("source.") == std::string::npos) ++differing;
    if (differing) message += "; " + std::to_string(differing) + " field(s) differ, the earlier values kept";
    warn(Provenance{}, std::move(message));
  }

  static const Attendance* find_attendance(const Meeting& m, const PersonId& id) {
    for (const auto& a : m.attendance)
      if (a.person == id) return &a;
    return nullptr;
  }

  Corpus& corpus_;
  const ParsedMinutes& minutes_;
  ImportResult& result_;
  bool update_existing_ = true;
  std::optional<MeetingId> existing_;  // the meeting already held, when this one is it
  Undo undo_;
  std::vector<std::pair<std::string, PersonId>> attendee_ids_;
  std::map<std::string, PersonId> attendee_names_;                          // folded full name
  std::map<std::string, std::optional<PersonId>> attendee_first_names_;   // folded first name; nullopt if shared
  std::map<std::size_t, int> action_counter_;
};

}  // namespace

ImportResult add_to_corpus(Corpus& corpus, const ParsedMinutes& minutes, const ParseOptions& options) {
  ImportResult result;
  result.warnings = minutes.warnings;
  Resolver(corpus, minutes, result, options).run();
  return result;
}

ImportResult import_minutes(Corpus& corpus, std::string_view text, std::string document, const ParseOptions& options) {
  // Agreements and plans are read after the minutes, which tell them the
  // protocol items an appended agreement belongs to (documents.cpp).
  const ParsedMinutes minutes = parse_minutes(text, document, options);
  const ParsedDocuments documents = parse_documents(text, std::move(document), options, &minutes);
  return add_to_corpus(corpus, minutes, documents, options);
}

ParsedMinutes parse_file(const std::filesystem::path& path, const ParseOptions& options) {
  const std::string bytes = ::samverkan::detail::read_file(path);
  const std::string name = path.filename().string();
  if (detect_format(bytes) == FileFormat::text) return parse_minutes(bytes, name, options);
  const Document document = read_document(bytes, name);
  // A PDF of scanned pages has no text: nothing to import, and saying so
  // beats an empty meeting in the corpus.
  if (document.blocks.empty()) {
    const std::string why = document.warnings.empty() ? std::string("no text in the document")
                                                      : document.warnings.front().message;
    throw io_error(why, path.string());
  }
  return parse_document(document, options);
}

ParsedFile parse_text_all(std::string_view text, std::string document, const ParseOptions& options) {
  // Splitting and cleaning the lines is a third of the work: done once,
  // the agreement reader gets a copy. A large text is split twice instead,
  // so that two copies of its lines are never held at once.
  constexpr std::size_t share_below = std::size_t{4} << 20;
  ParsedFile out;
  detail::SplitText split = detail::split_text(text);
  detail::Lines lines;
  if (text.size() < share_below) lines = split.lines;
  out.minutes = detail::parse_split(std::move(split), document, options);
  if (text.size() >= share_below) lines = detail::split_text(text).lines;
  out.documents = detail::parse_documents_lines(std::move(lines), std::move(document), options, &out.minutes);
  return out;
}

ParsedFile parse_file_all(const std::filesystem::path& path, const ParseOptions& options) {
  const std::string bytes = ::samverkan::detail::read_file(path);
  const std::string name = path.filename().string();
  ParsedFile out;
  if (detect_format(bytes) == FileFormat::text) return parse_text_all(bytes, name, options);
  const Document document = read_document(bytes, name);
  // A PDF of scanned pages has no text: nothing to import, and saying so
  // beats an empty meeting in the corpus.
  if (document.blocks.empty()) {
    const std::string why = document.warnings.empty() ? std::string("no text in the document")
                                                      : document.warnings.front().message;
    throw io_error(why, path.string());
  }
  out.minutes = parse_document(document, options);
  // The agreement and plan readers read text; the document's text has the
  // lines parse_document numbered, so their provenance agrees.
  out.documents = parse_documents(to_text(document), name, options, &out.minutes);
  return out;
}

ImportResult import_file(Corpus& corpus, const std::filesystem::path& path, const ParseOptions& options) {
  const ParsedFile file = parse_file_all(path, options);
  return add_to_corpus(corpus, file.minutes, file.documents, options);
}

namespace {
bool is_word_or_pdf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[1024];
  in.read(head, sizeof head);
  const std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return true;
  // A docx's first member is usually [Content_Types].xml; "word/" names
  // follow within the first kilobyte or so, but only the whole file is
  // sure: a zip is read in full (bounded by the reader later).
  if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > (64u << 20)) return false;
    return detect_format(::samverkan::detail::read_file(path)) == FileFormat::docx;
  }
  return false;
}
}  // namespace

std::vector<std::filesystem::path> collect_documents(const std::vector<std::filesystem::path>& paths) {
  namespace fs = std::filesystem;
  std::vector<fs::path> out;
  for (const auto& p : paths) {
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) throw io_error("no such file or directory", p.string());
    if (!fs::is_directory(status)) {
      out.push_back(p);
      continue;
    }
    std::vector<fs::path> found;
    for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      // A folder's README describes the folder; it is not a record.
      const auto stem = it->path().stem().string();
      if (stem == "README" || stem == "readme" || stem == "Readme") continue;
      // Word's lock file beside an open document ("~$otokoll.docx").
      if (it->path().filename().string().starts_with("~$")) continue;
      const auto ext = lower(it->path().extension().string());
      if (ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".docx" || ext == ".pdf") {
        found.push_back(it->path());
      } else if (ext.empty() || ext == ".bin" || ext == ".dat" || ext == ".tmp") {
        // Saved without a telling name: the first bytes say what it is.
        if (is_word_or_pdf(it->path())) found.push_back(it->path());
      }
    }
    if (ec) throw io_error("cannot list the directory: " + ec.message(), p.string());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace import
SAMVERKAN_END_NAMESPACE
