// From parsed agreements and plans to records in a corpus: names become ids,
// indicators are found by name or added, and the protocol item that handles
// an agreement refers to it.
#include "scan.hpp"

#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/import/documents.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

namespace {

using namespace detail;

// 15.2 -> "15.2", 42 -> "42".
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

class DocumentResolver {
 public:
  DocumentResolver(Corpus& corpus, const ParsedDocuments& docs, ImportResult& result)
      : corpus_(corpus), docs_(docs), result_(result) {}

  void add() {
    for (const auto& a : docs_.agreements) add_agreement(a);
    for (const auto& p : docs_.plans) add_plan(p);
  }

  void rollback() noexcept {
    try {
      for (auto& id : plans_) corpus_.remove(id);
      for (auto& id : agreements_) corpus_.remove(id);
      for (auto& id : indicators_) corpus_.remove(id);
      for (auto& id : people_) corpus_.remove(id);
      for (auto& id : organisations_) corpus_.remove(id);
    } catch (...) {
    }
  }

  /// Agreement ids in the order of docs_.agreements (existing ones too).
  std::vector<AgreementId> agreement_ids;

 private:
  void warn(std::size_t line, std::string message, std::string text = {}) {
    result_.warnings.push_back(Warning{docs_.document, line, std::move(message), std::move(text)});
  }

  OrganisationId organisation(const std::string& name, const std::vector<std::string>& aliases = {}) {
    if (auto found = corpus_.resolve_organisation(name)) return *found;
    for (const auto& a : aliases)
      if (fold(a) != "staten")  // "staten" names the state, not one ministry
        if (auto found = corpus_.resolve_organisation(a)) return *found;
    Organisation org;
    org.name = name;
    org.kind = guess_kind(name);
    for (const auto& a : aliases)
      if (fold(a) != fold(name) && !a.empty() && !corpus_.resolve_organisation(a)) org.aliases.push_back(a);
    const auto id = corpus_.add(std::move(org));
    organisations_.push_back(id);
    result_.new_organisations.push_back(id);
    return id;
  }

  PersonId person(const std::string& name, const std::optional<OrganisationId>& org) {
    const bool known = !corpus_.resolve_person(name).empty();
    const auto id = corpus_.resolve_or_add_person(name, org);
    if (!known) {
      people_.push_back(id);
      result_.new_people.push_back(id);
    }
    return id;
  }

  IndicatorId indicator(const std::string& name, const std::string& unit, const Provenance& where) {
    const std::string f = fold(name);
    for (const auto& [id, ind] : corpus_.indicators())
      if (fold(ind.name) == f) return id;
    Indicator ind;
    ind.name = name;
    ind.unit = unit;
    ind.provenance = where;
    const auto id = corpus_.add(std::move(ind));
    indicators_.push_back(id);
    result_.new_indicators.push_back(id);
    return id;
  }

  // A party or recipient as the agreement names it: its parties' names and
  // aliases first ("Regionen", "staten"), then the corpus.
  std::optional<OrganisationId> named(const std::string& name, const ParsedAgreement& a,
                                      const std::vector<OrganisationId>& party_ids) {
    if (name.empty()) return std::nullopt;
    const std::string f = fold(name);
    for (std::size_t k = 0; k < a.parties.size(); ++k) {
      if (fold(a.parties[k].name) == f) return party_ids[k];
      for (const auto& al : a.parties[k].aliases)
        if (fold(al) == f) return party_ids[k];
      for (const auto& ac : acronyms(a.parties[k].name))
        if (ac == f) return party_ids[k];
    }
    if (auto found = corpus_.resolve_organisation(name)) return found;
    if (!starts_upper(name) || words(name).size() > 6) return std::nullopt;
    return organisation(name);
  }

  // The subject of an obligation ("Regionerna ska ..."): a party, or an
  // organisation the corpus knows; nothing is made of it otherwise.
  std::optional<OrganisationId> party_or_known(const std::string& name, const ParsedAgreement& a,
                                               const std::vector<OrganisationId>& party_ids) {
    if (name.empty()) return std::nullopt;
    const std::string f = fold(name);
    for (std::size_t k = 0; k < a.parties.size(); ++k) {
      if (fold(a.parties[k].name) == f) return party_ids[k];
      for (const auto& al : a.parties[k].aliases)
        if (fold(al) == f) return party_ids[k];
      for (const auto& ac : acronyms(a.parties[k].name))
        if (ac == f) return party_ids[k];
    }
    return corpus_.resolve_organisation(name);
  }

  void add_agreement(const ParsedAgreement& p) {
    // The same agreement imported again is not added twice.
    for (const auto& [id, existing] : corpus_.agreements())
      if (fold(existing.title) == fold(p.title) &&
          (!p.start || !existing.validity.start || *existing.validity.start == *p.start)) {
        warn(p.provenance.first_line, "agreement already in the corpus as " + id.str() + "; not added again", p.title);
        agreement_ids.push_back(id);
        result_.agreements.push_back(id);
        return;
      }
    Agreement a;
    a.title = p.title;
    a.case_number = p.case_number;
    std::vector<OrganisationId> party_ids;
    for (const auto& party : p.parties) {
      const auto id = organisation(party.name, party.aliases);
      party_ids.push_back(id);
      a.parties.push_back(Party{id, party.roles});
    }
    for (const auto& s : p.signatories) {
      Signatory sig;
      sig.name = s.name;
      sig.title = s.title;
      sig.place = s.place;
      sig.date = s.date;
      sig.organisation = named(s.organisation, p, party_ids);
      sig.person = person(s.name, sig.organisation);
      a.signatories.push_back(std::move(sig));
    }
    a.validity = Period{p.start, p.end};
    a.total = p.total;
    for (const auto& b : p.blocks) a.blocks.push_back(AgreementBlock{b.key, b.title, b.amount, b.purpose, {}});
    // Blocks split the regions' share ("Block 1", "Block 2"); a share to
    // someone else (10 000 000 kr to SKL) becomes a block of its own, so
    // that the blocks add up to the total as the model requires.
    if (a.total && !a.blocks.empty()) {
      std::int64_t in_blocks = 0;
      for (const auto& b : a.blocks) in_blocks += b.amount.ore();
      for (const auto& share : p.shares) {
        if (in_blocks >= a.total->ore()) break;
        if (share.amount.ore() == in_blocks || share.amount.ore() > a.total->ore() - in_blocks) continue;
        AgreementBlock extra{share.to, "Medel till " + share.to, share.amount, {}, {}};
        extra.extensions["source.block"] = "the share to " + share.to + ", made a block so that the blocks add up to the total";
        a.blocks.push_back(std::move(extra));
        in_blocks += share.amount.ore();
      }
    }
    // The split of the total to whom; a recipient that is a party is named as the party.
    for (std::size_t k = 0; k < p.shares.size(); ++k) {
      std::string to = p.shares[k].to;
      if (auto id = party_or_known(to, p, party_ids)) to = corpus_.get(*id).name;
      a.extensions["source.split." + std::to_string(k + 1)] = to + "\t" + std::to_string(p.shares[k].amount.ore());
    }
    for (std::size_t k = 0; k < p.conditions.size(); ++k) {
      const auto& c = p.conditions[k];
      Condition cond;
      cond.key = "c" + std::to_string(k + 1);
      cond.kind = c.kind;
      cond.text = c.text;
      cond.threshold = c.threshold;
      cond.block = c.block;
      if (!c.indicator.empty()) cond.indicator = indicator(c.indicator, c.threshold.unit, c.provenance);
      cond.provenance = c.provenance;
      a.conditions.push_back(std::move(cond));
    }
    for (const auto& o : p.obligations) {
      ReportingObligation r;
      r.what = o.what;
      r.by = party_or_known(o.by, p, party_ids);
      r.to = named(o.to, p, party_ids);
      if (!o.to.empty() && !r.to) r.extensions["source.to"] = o.to;
      r.deadline = o.deadline;
      r.provenance = o.provenance;
      a.obligations.push_back(std::move(r));
    }
    for (const auto& pay : p.payments) {
      Payment x;
      x.amount = pay.amount;
      x.date = pay.date;
      x.block = pay.block;
      x.condition = pay.text;
      if (pay.month_only) x.extensions["source.date"] = "month only: the text names the month, not the day";
      x.provenance = pay.provenance;
      a.payments.push_back(std::move(x));
    }
    for (const auto& r : p.requisitions) {
      RequisitionRule rule;
      rule.text = r.text;
      rule.deadline = r.deadline;
      if (!r.from.empty()) {
        if (auto id = party_or_known(r.from, p, party_ids))
          rule.from = id;
        else
          rule.text = r.text;  // "Kommunerna": several parties, kept in the text
      }
      a.requisition_rules.push_back(std::move(rule));
    }
    for (const auto& m : p.amendments) {
      Amendment am;
      am.kind = m.kind;
      am.date = m.date;
      am.text = m.text;
      if (m.new_end) am.new_validity = Period{p.start, m.new_end};
      am.new_total = m.new_total;
      am.reference = m.reference;
      am.provenance = m.provenance;
      a.amendments.push_back(std::move(am));
    }
    // Block names must be the agreement's blocks.
    for (auto& x : a.payments)
      if (!x.block.empty() && !a.block(x.block)) {
        warn(x.provenance ? x.provenance->first_line : 0, "a payment names block " + x.block + ", which was not read");
        x.extensions["source.block"] = x.block;
        x.block.clear();
      }
    for (auto& c : a.conditions)
      if (!c.block.empty() && !a.block(c.block)) {
        warn(c.provenance ? c.provenance->first_line : 0, "a condition names block " + c.block + ", which was not read");
        c.extensions["source.block"] = c.block;
        c.block.clear();
      }
    if (a.total && !a.blocks.empty()) {
      std::int64_t sum = 0;
      for (const auto& b : a.blocks) sum += b.amount.ore();
      if (sum != a.total->ore())
        warn(p.provenance.first_line, "the blocks add up to " + Money::from_ore(sum).str() + ", not to the total " +
                                          a.total->str());
    }
    a.provenance = p.provenance;
    const auto id = corpus_.add(std::move(a));
    agreements_.push_back(id);
    agreement_ids.push_back(id);
    result_.agreements.push_back(id);
  }

  void add_plan(const ParsedPlan& p) {
    for (const auto& [id, existing] : corpus_.plans())
      if (fold(existing.title) == fold(p.title) &&
          (!p.start || !existing.period.start || *existing.period.start == *p.start)) {
        warn(p.provenance.first_line, "plan already in the corpus as " + id.str() + "; not added again", p.title);
        result_.plans.push_back(id);
        return;
      }
    ActionPlan plan;
    plan.title = p.title;
    plan.period = Period{p.start, p.end};
    // An extension must move the end on; one that does not is a misreading
    // (or a misprint) and is reported instead of kept.
    std::optional<Date> running_end = p.end;
    for (const auto& e : p.extensions) {
      if (running_end && e.new_end <= *running_end) {
        warn(e.provenance.first_line, "an extension to a date that does not extend the plan; not kept", e.reference);
        continue;
      }
      running_end = e.new_end;
      plan.period_extensions.push_back(PlanExtension{e.new_end, e.decided_on, std::nullopt, e.reference, {}, e.provenance});
    }
    for (const auto& o : p.owners) plan.owners.push_back(organisation(o));
    plan.level = p.level.value_or(ResponsibleLevel::county_wide);
    // Ids of nested records, readable and unique ("goal/nara-vard-fyrbodal-1.1").
    std::string stem = slug(p.title);
    if (stem.size() > 40) stem.resize(40);
    while (!stem.empty() && stem.back() == '-') stem.pop_back();
    int attempt = 0;
    auto taken = [&](const std::string& s) { return corpus_.find_goal(GoalId("goal/" + s + "-x")) != nullptr; };
    std::string base = stem;
    while (attempt < 1000) {
      bool clash = false;
      for (const auto& [id, other] : corpus_.plans())
        for (const auto& g : other.goals)
          if (g.id.str().rfind("goal/" + base + "-", 0) == 0) clash = true;
      if (!clash) break;
      base = stem + "-" + std::to_string(++attempt + 1);
    }
    (void)taken;
    std::map<std::string, GoalId> goal_ids;
    for (const auto& g : p.goals) {
      Goal goal;
      goal.id = GoalId("goal/" + base + "-" + g.number);
      if (goal_ids.count(g.number)) {
        warn(g.provenance.first_line, "goal " + g.number + " is numbered twice; the second is kept apart", g.title);
        goal.id = GoalId();
      } else {
        goal_ids.emplace(g.number, goal.id);
      }
      goal.number = g.number;
      goal.title = g.title;
      goal.provenance = g.provenance;
      plan.goals.push_back(std::move(goal));
    }
    for (std::size_t k = 0; k < p.goals.size(); ++k)
      if (!p.goals[k].parent.empty()) {
        if (auto it = goal_ids.find(p.goals[k].parent); it != goal_ids.end()) plan.goals[k].parent = it->second;
      }
    for (const auto& ind : p.indicators) {
      const auto id = indicator(ind.name, ind.unit, ind.provenance);
      Indicator rec = corpus_.get(id);
      bool changed = false;
      if (ind.baseline) {
        Observation o;
        if (!plan.owners.empty()) o.organisation = plan.owners.front();
        if (ind.baseline_year) o.period = Period::years(*ind.baseline_year, *ind.baseline_year);
        o.value = *ind.baseline;
        o.note = "utgångsvärde i " + p.title;
        o.provenance = ind.provenance;
        rec.observations.push_back(std::move(o));
        changed = true;
      }
      if (ind.target) {
        Target t;
        t.value = *ind.target;
        t.kind = TargetKind::chosen;
        if (ind.target_year) t.period = Period::years(*ind.target_year, *ind.target_year);
        t.note = "målvärde i " + p.title;
        rec.targets.push_back(std::move(t));
        changed = true;
      }
      if (changed) {
        if (std::find(indicators_.begin(), indicators_.end(), id) == indicators_.end()) {
          // An indicator met before: the plan's values are not written into it.
          warn(ind.provenance.first_line, "indicator " + id.str() + " is already in the corpus; its baseline and "
                                          "target from this plan are kept in the plan's extensions", ind.name);
        } else {
          corpus_.update(std::move(rec));
        }
      }
      if (auto it = goal_ids.find(ind.goal); it != goal_ids.end())
        for (auto& g : plan.goals)
          if (g.id == it->second) g.indicators.push_back(id);
      if (ind.baseline)
        plan.extensions["source.baseline." + id.str()] = number(*ind.baseline);
      if (ind.target) plan.extensions["source.target." + id.str()] = number(*ind.target);
    }
    std::map<std::string, ActivityId> activity_ids;
    for (const auto& a : p.activities) {
      Activity act;
      const std::string key = a.number.empty() ? std::to_string(plan.activities.size() + 1) : a.number;
      act.id = activity_ids.count(key) ? ActivityId() : ActivityId("activity/" + base + "-" + key);
      if (!act.id.empty()) activity_ids.emplace(key, act.id);
      act.number = a.number;
      act.title = a.title;
      act.level = a.level.value_or(plan.level);
      if (!a.level) act.extensions["source.level"] = "not stated; the plan's level";
      for (const auto& r : a.responsible) act.responsible.push_back(organisation(r));
      for (const auto& g : a.goals) {
        if (auto it = goal_ids.find(g); it != goal_ids.end())
          act.goals.push_back(it->second);
        else
          warn(a.provenance.first_line, "activity " + a.number + " names goal " + g + ", which the plan does not have",
               a.title);
      }
      act.provenance = a.provenance;
      plan.activities.push_back(std::move(act));
    }
    for (const auto& f : p.funding) {
      FundingLine line;
      line.amount = f.amount;
      line.year = f.year;
      line.budget = f.budget;
      line.text = f.text;
      if (!f.activity.empty()) {
        if (auto it = activity_ids.find(f.activity); it != activity_ids.end())
          line.activity = it->second;
        else
          warn(f.provenance.first_line, "funding names activity " + f.activity + ", which the plan does not have");
      }
      if (!f.goal.empty()) {
        if (auto it = goal_ids.find(f.goal); it != goal_ids.end())
          line.goal = it->second;
        else
          warn(f.provenance.first_line, "funding names goal " + f.goal + ", which the plan does not have");
      }
      line.provenance = f.provenance;
      plan.funding.push_back(std::move(line));
    }
    plan.provenance = p.provenance;
    const auto id = corpus_.add(std::move(plan));
    plans_.push_back(id);
    result_.plans.push_back(id);
  }

  Corpus& corpus_;
  const ParsedDocuments& docs_;
  ImportResult& result_;
  std::vector<OrganisationId> organisations_;
  std::vector<PersonId> people_;
  std::vector<IndicatorId> indicators_;
  std::vector<AgreementId> agreements_;
  std::vector<ActionPlanId> plans_;
};

}  // namespace

ImportResult add_to_corpus(Corpus& corpus, const ParsedMinutes& minutes, const ParsedDocuments& documents,
                           const ParseOptions& options) {
  ImportResult result;
  DocumentResolver docs(corpus, documents, result);
  try {
    docs.add();
  } catch (...) {
    docs.rollback();
    throw;
  }
  if (documents.standalone && (!documents.agreements.empty() || !documents.plans.empty())) {
    result.warnings.insert(result.warnings.begin(), documents.warnings.begin(), documents.warnings.end());
    return result;
  }
  ImportResult meeting;
  try {
    meeting = add_to_corpus(corpus, minutes, options);
  } catch (...) {
    docs.rollback();
    throw;
  }
  // The protocol item that handles an agreement refers to it from its decisions.
  if (!meeting.meeting.empty()) {
    Meeting m = corpus.get(meeting.meeting);
    bool changed = false;
    for (std::size_t k = 0; k < documents.agreements.size() && k < docs.agreement_ids.size(); ++k)
      for (std::size_t item : documents.agreements[k].handled_in_items) {
        if (item >= m.items.size()) continue;
        for (auto& d : m.items[item].decisions) {
          const EntityRef ref(docs.agreement_ids[k]);
          if (std::find(d.references.begin(), d.references.end(), ref) == d.references.end()) {
            d.references.push_back(ref);
            changed = true;
          }
        }
        // Amendments decided at this meeting name the decision.
      }
    if (changed) corpus.update(std::move(m));
    for (std::size_t k = 0; k < documents.agreements.size() && k < docs.agreement_ids.size(); ++k) {
      const auto* stored = corpus.find(docs.agreement_ids[k]);
      if (!stored) continue;
      Agreement a = *stored;
      bool touched = false;
      const Meeting& mm = corpus.get(meeting.meeting);
      for (std::size_t j = 0; j < a.amendments.size() && j < documents.agreements[k].amendments.size(); ++j) {
        const auto& pm = documents.agreements[k].amendments[j];
        if (!pm.item || *pm.item >= mm.items.size()) continue;
        const auto& decs = mm.items[*pm.item].decisions;
        a.amendments[j].decided_by = decs.empty() ? EntityRef(meeting.meeting) : EntityRef(decs.front().id);
        touched = true;
      }
      if (touched) corpus.update(std::move(a));
    }
  }
  meeting.agreements = std::move(result.agreements);
  meeting.plans = std::move(result.plans);
  meeting.new_indicators = std::move(result.new_indicators);
  meeting.new_organisations.insert(meeting.new_organisations.end(), result.new_organisations.begin(),
                                   result.new_organisations.end());
  meeting.new_people.insert(meeting.new_people.end(), result.new_people.begin(), result.new_people.end());
  meeting.warnings.insert(meeting.warnings.end(), result.warnings.begin(), result.warnings.end());
  meeting.warnings.insert(meeting.warnings.end(), documents.warnings.begin(), documents.warnings.end());
  return meeting;
}

}  // namespace import
SAMVERKAN_END_NAMESPACE
