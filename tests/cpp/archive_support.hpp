// Test support for persistence: a generator of random but deterministic
// corpora (every member of every type exercised, Swedish text, amounts at the
// edges) and the small corpus whose every truncation and bit flip is tried.
// Also used by tests/fixtures/make_fixtures.cpp and fuzz/make_seeds.cpp.
#pragma once

#include <samverkan/corpus.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace archive_support {

using namespace samverkan;

class Generator {
 public:
  explicit Generator(std::uint64_t seed) : rng_(seed), later_(seed ^ 0x5eed'1a7e'2026ULL) {}

  Corpus corpus(std::size_t records_per_kind) {
    Corpus c;
    for (std::size_t i = 0; i < records_per_kind; ++i) {
      c.add(organisation());
      c.add(person());
      c.add(membership());
      c.add(meeting());
      c.add(action_item());
      c.add(agreement());
      c.add(plan());
      c.add(pot());
      c.add(allocation());
      c.add(indicator());
    }
    return c;
  }

  bool coin() { return (rng_() & 1U) != 0; }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(rng_() % n) : 0; }

  std::string text(std::size_t max_tokens = 6) {
    // Whole UTF-8 sequences only, so every text is valid for JSON too;
    // markup characters and white space at the ends test the XML escaping.
    static const char* const tokens[] = {"a",  "Region", " ",  "Å",  "ä", "ö", "é", "–", "§", "kr", "<",  "&",
                                         "\"", "'",      ">",  "\n", "\t", "1", "0", "  ", "]]>", "ü", "€", "x y"};
    std::string out;
    const std::size_t n = below(max_tokens + 1);
    for (std::size_t i = 0; i < n; ++i) out += tokens[below(std::size(tokens))];
    return out;
  }
  std::vector<std::string> texts() {
    std::vector<std::string> out(below(3));
    for (auto& t : out) t = text();
    return out;
  }
  template <class IdT>
  IdT id(const char* prefix) {
    return IdT(std::string(prefix) + "/" + std::to_string(++counter_) + (coin() ? "-ö" : ""));
  }
  template <class IdT>
  std::optional<IdT> maybe_id(const char* prefix) {
    if (coin()) return std::nullopt;
    return id<IdT>(prefix);
  }
  template <class IdT>
  std::vector<IdT> ids(const char* prefix) {
    std::vector<IdT> out;
    for (std::size_t i = below(3); i > 0; --i) out.push_back(id<IdT>(prefix));
    return out;
  }
  template <class E>
  E pick() {
    const auto values = all_values<E>();
    return values[below(values.size())];
  }
  template <class E>
  std::vector<E> picks() {
    std::vector<E> out(below(3));
    for (auto& e : out) e = pick<E>();
    return out;
  }
  Extensions extensions() {
    Extensions out;
    for (std::size_t i = below(3); i > 0; --i) out[std::string("k") + std::to_string(below(100)) + text(2)] = text();
    return out;
  }
  std::optional<Provenance> provenance() {
    if (coin()) return std::nullopt;
    return Provenance{.document = "doc-" + text(2) + ".txt", .first_line = below(1000), .last_line = below(100000)};
  }
  Date date() {
    static const Date edges[] = {make_date(1, 1, 1), make_date(2024, 2, 29), make_date(9999, 12, 31)};
    if (below(5) == 0) return edges[below(std::size(edges))];
    return make_date(1990 + static_cast<int>(below(50)), 1 + static_cast<unsigned>(below(12)),
                     1 + static_cast<unsigned>(below(28)));
  }
  // Members added after a schema release draw from their own stream, so the
  // corpora of a seed keep every value they had before (written_bytes).
  std::optional<Date> later_date() {
    if ((later_() & 1U) != 0) return std::nullopt;
    return make_date(2000 + static_cast<int>(later_() % 40), 1 + static_cast<unsigned>(later_() % 12),
                     1 + static_cast<unsigned>(later_() % 28));
  }
  std::optional<Date> maybe_date() {
    if (coin()) return std::nullopt;
    return date();
  }
  Period period() { return Period{maybe_date(), maybe_date()}; }
  Money money() {
    static const std::int64_t edges[] = {0, 1, -1, std::numeric_limits<std::int64_t>::max(),
                                         std::numeric_limits<std::int64_t>::min(), 161'000'000'000};
    const std::int64_t ore = below(4) == 0 ? edges[below(std::size(edges))]
                                           : static_cast<std::int64_t>(rng_() % 100'000'000'000ULL) - 1'000'000'000;
    static const char* const currencies[] = {"SEK", "EUR", "NOK"};
    return Money::from_ore(ore, Currency(currencies[below(3)]), coin());
  }
  std::optional<Money> maybe_money() {
    if (coin()) return std::nullopt;
    return money();
  }
  double number() {
    static const double edges[] = {0.0, -0.0, 0.1 + 0.2, 1e308, -1e-308, 5e-324,
                                   std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    if (below(3) == 0) return edges[below(std::size(edges))];
    return static_cast<double>(rng_() % 100000) / 7.0;
  }
  std::optional<EntityRef> maybe_ref() {
    if (coin()) return std::nullopt;
    return EntityRef(pick<EntityKind>(), "ref/" + text(2));
  }

  Organisation organisation() {
    return Organisation{.id = id<OrganisationId>("org"), .name = "Org " + text(), .aliases = texts(),
                        .kind = pick<OrganisationKind>(), .parent = maybe_id<OrganisationId>("org"),
                        .extensions = extensions(), .provenance = provenance()};
  }
  Person person() {
    return Person{.id = id<PersonId>("person"), .name = text(), .title = text(),
                  .organisation = maybe_id<OrganisationId>("org"), .extensions = extensions(), .provenance = provenance()};
  }
  Membership membership() {
    return Membership{.id = id<MembershipId>("membership"), .person = id<PersonId>("person"),
                      .organisation = id<OrganisationId>("org"), .role = pick<MembershipRole>(), .role_title = text(),
                      .period = period(), .on_behalf_of = maybe_id<OrganisationId>("org"),
                      .substitute_for = maybe_id<PersonId>("person"), .extensions = extensions(),
                      .provenance = provenance()};
  }
  Decision decision() {
    Decision d{.id = id<DecisionId>("decision"), .kind = pick<DecisionKind>(), .procedural = coin(), .text = text(),
               .proposal = text(),
               .body = maybe_id<OrganisationId>("org"), .extensions = extensions(), .provenance = provenance()};
    for (std::size_t i = below(3); i > 0; --i) d.references.push_back(EntityRef(pick<EntityKind>(), "ref/" + text(2)));
    for (std::size_t i = below(2); i > 0; --i) {
      Vote v{.question = text(), .yes = static_cast<std::uint32_t>(rng_()), .no = static_cast<std::uint32_t>(below(9)),
             .abstain = 0, .extensions = extensions()};
      for (std::size_t k = below(3); k > 0; --k) v.votes.push_back({.person = id<PersonId>("person"), .option = pick<VoteOption>()});
      d.votes.push_back(std::move(v));
    }
    for (std::size_t i = below(2); i > 0; --i)
      d.reservations.push_back({.person = id<PersonId>("person"), .text = text(), .extensions = extensions()});
    return d;
  }
  Meeting meeting() {
    Meeting m{.id = id<MeetingId>("meeting"), .record_kind = pick<RecordKind>(), .body = id<OrganisationId>("org"),
              .title = text(), .date = maybe_date(), .place = text(), .form = pick<MeetingForm>(),
              .adjusted_on = maybe_date(), .next_meeting = maybe_date(), .extensions = extensions(),
              .provenance = provenance()};
    if (coin()) m.start = TimeOfDay::make(static_cast<int>(below(24)), static_cast<int>(below(60)));
    if (coin()) m.end = TimeOfDay::make(24, 0);
    for (std::size_t i = below(3); i > 0; --i)
      m.attendance.push_back({.person = id<PersonId>("person"), .represents = maybe_id<OrganisationId>("org"),
                              .status = pick<AttendanceStatus>(), .roles = picks<MeetingRole>(),
                              .coopted_for_items = texts(), .substitute_for = maybe_id<PersonId>("person"),
                              .party = text(1), .note = text(), .extensions = extensions(), .provenance = provenance()});
    for (std::size_t i = below(3); i > 0; --i) {
      AgendaItem item{.number = text(2), .order = static_cast<std::uint32_t>(below(100)), .title = text(),
                      .purposes = picks<ItemPurpose>(), .presenters = ids<PersonId>("person"), .text = text(20),
                      .case_number = text(2), .attachments = texts(), .extensions = extensions(),
                      .provenance = provenance()};
      for (std::size_t k = below(3); k > 0; --k) item.decisions.push_back(decision());
      for (std::size_t k = below(2); k > 0; --k)
        item.escalations.push_back({.what = text(), .to = maybe_id<OrganisationId>("org"), .extensions = extensions(),
                                    .provenance = provenance()});
      for (std::size_t k = below(3); k > 0; --k) item.amounts.push_back(money());
      for (std::size_t k = below(3); k > 0; --k) item.dates.push_back(date());
      m.items.push_back(std::move(item));
    }
    return m;
  }
  ActionItem action_item() {
    return ActionItem{.id = id<ActionItemId>("action"), .what = "Gör " + text(), .owner_person = maybe_id<PersonId>("person"),
                      .owner_organisation = maybe_id<OrganisationId>("org"), .due = maybe_date(),
                      .status = pick<ActionStatus>(), .done_on = later_date(), .meeting = maybe_id<MeetingId>("meeting"),
                      .item_number = text(1), .item_order = static_cast<std::uint32_t>(later_() % 40), .decision = maybe_id<DecisionId>("decision"), .extensions = extensions(),
                      .provenance = provenance()};
  }
  Agreement agreement() {
    Agreement a{.id = id<AgreementId>("agreement"), .title = "Överenskommelse " + text(), .short_name = text(),
                .case_number = text(2), .validity = period(), .total = maybe_money(), .extensions = extensions(),
                .provenance = provenance()};
    for (std::size_t i = below(3); i > 0; --i)
      a.parties.push_back({.organisation = id<OrganisationId>("org"), .roles = picks<PartyRole>()});
    for (std::size_t i = below(2); i > 0; --i)
      a.signatories.push_back({.person = maybe_id<PersonId>("person"), .name = text(), .title = text(),
                               .organisation = maybe_id<OrganisationId>("org"), .place = text(), .date = maybe_date()});
    for (std::size_t i = below(3); i > 0; --i)
      a.blocks.push_back({.key = text(1), .title = text(), .amount = money(), .purpose = text(), .extensions = extensions()});
    for (std::size_t i = below(3); i > 0; --i) {
      Condition c{.key = text(1), .kind = pick<ConditionKind>(), .text = text(), .indicator = maybe_id<IndicatorId>("indicator"),
                  .block = text(1), .extensions = extensions(), .provenance = provenance()};
      if (coin()) c.threshold = Threshold{.comparator = pick<Comparator>(), .value = number(), .unit = text(1)};
      a.conditions.push_back(std::move(c));
    }
    for (std::size_t i = below(2); i > 0; --i)
      a.obligations.push_back({.what = text(), .by = maybe_id<OrganisationId>("org"), .to = maybe_id<OrganisationId>("org"),
                               .deadline = maybe_date(), .status = pick<MilestoneStatus>(), .extensions = extensions(),
                               .provenance = provenance()});
    for (std::size_t i = below(3); i > 0; --i)
      a.payments.push_back({.amount = money(), .date = maybe_date(), .condition = text(), .condition_keys = texts(),
                            .block = text(1), .payer = maybe_id<OrganisationId>("org"),
                            .payee = maybe_id<OrganisationId>("org"), .status = pick<MilestoneStatus>(),
                            .extensions = extensions(), .provenance = provenance()});
    for (std::size_t i = below(2); i > 0; --i)
      a.requisition_rules.push_back({.text = text(), .from = maybe_id<OrganisationId>("org"), .deadline = maybe_date()});
    for (std::size_t i = below(2); i > 0; --i) {
      Amendment m{.kind = pick<AmendmentKind>(), .date = maybe_date(), .text = text(), .new_total = maybe_money(),
                  .decided_by = maybe_ref(), .reference = text(), .extensions = extensions(), .provenance = provenance()};
      if (coin()) m.new_validity = period();
      a.amendments.push_back(std::move(m));
    }
    return a;
  }
  ActionPlan plan() {
    ActionPlan p{.id = id<ActionPlanId>("plan"), .title = "Plan " + text(), .period = period(),
                 .owners = ids<OrganisationId>("org"), .level = pick<ResponsibleLevel>(),
                 .parent = maybe_id<ActionPlanId>("plan"), .agreement = maybe_id<AgreementId>("agreement"),
                 .extensions = extensions(), .provenance = provenance()};
    for (std::size_t i = below(2); i > 0; --i)
      p.period_extensions.push_back({.new_end = date(), .decided_on = maybe_date(), .decided_by = maybe_ref(),
                                     .reference = text(), .extensions = extensions(), .provenance = provenance()});
    for (std::size_t i = below(3); i > 0; --i)
      p.goals.push_back({.id = id<GoalId>("goal"), .number = text(1), .title = text(), .description = text(10),
                         .parent = maybe_id<GoalId>("goal"), .indicators = ids<IndicatorId>("indicator"),
                         .extensions = extensions(), .provenance = provenance()});
    for (std::size_t i = below(3); i > 0; --i)
      p.activities.push_back({.id = id<ActivityId>("activity"), .number = text(1), .title = text(), .description = text(),
                              .goals = ids<GoalId>("goal"), .level = pick<ResponsibleLevel>(),
                              .responsible = ids<OrganisationId>("org"), .period = period(), .extensions = extensions(),
                              .provenance = provenance()});
    for (std::size_t i = below(3); i > 0; --i) {
      FundingLine f{.id = id<FundingLineId>("funding"), .amount = money(), .activity = maybe_id<ActivityId>("activity"),
                    .goal = maybe_id<GoalId>("goal"), .pot = maybe_id<FundingPotId>("pot"),
                    .budget = pick<BudgetKind>(), .text = text(), .extensions = extensions(), .provenance = provenance()};
      if (coin()) f.year = static_cast<int>(below(3000)) - 1000;
      p.funding.push_back(std::move(f));
    }
    return p;
  }
  FundingPot pot() {
    FundingPot p{.id = id<FundingPotId>("pot"), .name = "Pott " + text(), .amount = money(),
                 .agreement = maybe_id<AgreementId>("agreement"), .block = text(1), .period = period(),
                 .purpose = text(), .parent = maybe_id<FundingPotId>("pot"), .extensions = extensions(),
                 .provenance = provenance()};
    if (coin()) p.year = coin() ? std::numeric_limits<int>::min() : 2019;
    return p;
  }
  Allocation allocation() {
    Allocation a{.id = id<AllocationId>("allocation"), .pot = id<FundingPotId>("pot"), .rule = text(),
                 .rule_description = text(), .undistributed = money(), .undistributed_reason = text(),
                 .extensions = extensions(), .provenance = provenance()};
    for (std::size_t i = below(3); i > 0; --i)
      a.shares.push_back({.recipient = id<OrganisationId>("org"), .amount = money(), .explanation = texts(),
                          .extensions = extensions()});
    return a;
  }
  Indicator indicator() {
    Indicator ind{.id = id<IndicatorId>("indicator"), .name = "Mått " + text(), .area = text(), .serves = text(),
                  .unit = text(1), .direction = pick<Direction>(), .definition = text(10), .extensions = extensions(),
                  .provenance = provenance()};
    for (std::size_t i = below(3); i > 0; --i)
      ind.targets.push_back({.value = number(), .kind = pick<TargetKind>(), .period = period(), .note = text()});
    for (std::size_t i = below(3); i > 0; --i)
      ind.observations.push_back({.organisation = maybe_id<OrganisationId>("org"), .period = period(), .value = number(),
                                  .note = text(), .extensions = extensions(), .provenance = provenance()});
    return ind;
  }

 private:
  std::mt19937_64 rng_;
  std::mt19937_64 later_;
  std::size_t counter_ = 0;
};

/// A random corpus: the same seed gives the same corpus on every platform.
inline Corpus random_corpus(std::uint64_t seed, std::size_t records_per_kind = 2) {
  return Generator(seed).corpus(records_per_kind);
}

/// Small enough that every truncation and every bit flip of it is tried in
/// seconds, also under the sanitizers; every table non-empty.
inline Corpus small_corpus() {
  Corpus c;
  const auto vgr = c.add(Organisation{.id = OrganisationId("org/vgr"), .name = "Västra Götalandsregionen",
                                      .aliases = {"VGR"}, .kind = OrganisationKind::region,
                                      .extensions = {{"organisationsnummer", "232100-0131"}}});
  const auto anna = c.add(Person{.id = PersonId("p/anna"), .name = "Anna Åkesson", .organisation = vgr});
  c.add(Meeting{.id = MeetingId("m/1"), .body = vgr, .date = make_date(2024, 10, 28),
                .attendance = {{.person = anna, .roles = {MeetingRole::chair}}},
                .items = {{.number = "§1", .decisions = {{.id = DecisionId("d/1"), .text = "Noterar – ök"}}}}});
  c.add(FundingPot{.id = FundingPotId("pot/1"), .name = "Kömiljard", .amount = Money::from_ore(161'000'000'000)});
  c.add(Indicator{.id = IndicatorId("i/1"), .name = "Väntetid", .observations = {{.value = 74.5}}});
  // Added with the v3 fixtures, so that files of later ActionItem versions
  // have an action item of the version before to upgrade.
  c.add(ActionItem{.id = ActionItemId("a/1"), .what = "Återrapportera", .owner_person = anna,
                   .due = make_date(2024, 12, 1), .status = ActionStatus::done, .meeting = MeetingId("m/1"),
                   .item_number = "§1", .decision = DecisionId("d/1")});
  return c;
}

}  // namespace archive_support
