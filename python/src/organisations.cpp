// Organisations, people and memberships; funding pots and allocations;
// indicators with their targets and observations.
#include "bindings.hpp"

namespace samverkan_py {

void bind_organisations(py::module_& m) {
  bind_vocabulary<OrganisationKind>(m, "OrganisationKind", "What an organisation is: region, municipality, committee ...");
  bind_vocabulary<MembershipRole>(m, "MembershipRole", "A person's role in a body.");
  bind_vocabulary<Direction>(m, "Direction", "Which way an indicator is better.");
  bind_vocabulary<TargetKind>(m, "TargetKind", "A national target level or one chosen locally.");

  py::class_<Organisation> organisation(m, "Organisation",
                                        "An organisation or a body that meets (region, municipality, committee,\n"
                                        "working group). Lists are copies: assign a whole new list to change one.");
  bind_fields(organisation, "Organisation", {"id", "name", "kind"},
              field{"id", &Organisation::id, "the id; empty to let Corpus.add make one"},
              field{"name", &Organisation::name, "the full name"},
              field{"aliases", &Organisation::aliases, "short names and other spellings (\"VGR\")"},
              field{"organisation_number", &Organisation::organisation_number,
                    "the Swedish organisation number as written (\"232100-0131\"); empty when unknown"},
              field{"kind", &Organisation::kind, "an OrganisationKind (or its English or Swedish name)"},
              field{"parent", &Organisation::parent, "id of the organisation this one is part of"},
              field{"extensions", &Organisation::extensions, "data samverkan does not model, kept as str -> str"},
              field{"provenance", &Organisation::provenance, "where it was read, or None"});

  py::class_<Person> person(m, "Person", "A person, as named in documents.");
  bind_fields(person, "Person", {"id", "name", "organisation"},
              field{"id", &Person::id, "the id; empty to let Corpus.add make one"},
              field{"name", &Person::name, "the name as written"},
              field{"title", &Person::title, "job title as written"},
              field{"organisation", &Person::organisation, "id of the organisation the person is listed with"},
              field{"extensions", &Person::extensions, "data samverkan does not model"},
              field{"provenance", &Person::provenance, "where it was read, or None"});

  py::class_<Membership> membership(m, "Membership", "A person's place in an organisation or body for a period.");
  bind_fields(membership, "Membership", {"id", "person", "organisation", "role"},
              field{"id", &Membership::id, "the id; empty to let Corpus.add make one"},
              field{"person", &Membership::person, "id of the person"},
              field{"organisation", &Membership::organisation, "id of the body or organisation"},
              field{"role", &Membership::role, "a MembershipRole"},
              field{"role_title", &Membership::role_title, "the role as written, when it says more"},
              field{"period", &Membership::period, "the Period of the membership"},
              field{"on_behalf_of", &Membership::on_behalf_of, "id of the organisation the person represents"},
              field{"substitute_for", &Membership::substitute_for, "for a substitute, id of the member"},
              field{"extensions", &Membership::extensions, "data samverkan does not model"},
              field{"provenance", &Membership::provenance, "where it was read, or None"});

  py::class_<FundingPot> pot(m, "FundingPot", "An amount to be shared out: a block of an agreement, a grant.");
  bind_fields(pot, "FundingPot", {"id", "name", "amount"},
              field{"id", &FundingPot::id, "the id; empty to let Corpus.add make one"},
              field{"name", &FundingPot::name, "the name"},
              field{"amount", &FundingPot::amount, "the Money to share"},
              field{"agreement", &FundingPot::agreement, "id of the agreement it comes from"},
              field{"block", &FundingPot::block, "the agreement block's key, when the pot is a block"},
              field{"year", &FundingPot::year, "the year, or None"},
              field{"period", &FundingPot::period, "the Period it covers"},
              field{"purpose", &FundingPot::purpose, "what it is for"},
              field{"parent", &FundingPot::parent, "id of the pot it was carved out of"},
              field{"extensions", &FundingPot::extensions, "data samverkan does not model"},
              field{"provenance", &FundingPot::provenance, "where it was read, or None"});

  py::class_<AllocationShare> share(m, "AllocationShare", "One recipient's result of an allocation, and why.");
  bind_fields(share, "AllocationShare", {"recipient", "amount"},
              field{"recipient", &AllocationShare::recipient, "id of the receiving organisation"},
              field{"amount", &AllocationShare::amount, "the Money received"},
              field{"explanation", &AllocationShare::explanation, "readable steps of the reasoning, in order"},
              field{"extensions", &AllocationShare::extensions, "data samverkan does not model"});

  py::class_<Allocation> allocation(m, "Allocation", "The result of applying a rule to a pot.");
  bind_fields(allocation, "Allocation", {"id", "pot", "rule"},
              field{"id", &Allocation::id, "the id; empty to let Corpus.add make one"},
              field{"pot", &Allocation::pot, "id of the funding pot"},
              field{"rule", &Allocation::rule, "the rule's name"},
              field{"rule_description", &Allocation::rule_description, "the rule's parameters, readable"},
              field{"shares", &Allocation::shares, "list of AllocationShare"},
              field{"undistributed", &Allocation::undistributed, "Money left over"},
              field{"undistributed_reason", &Allocation::undistributed_reason, "why it was left over"},
              field{"extensions", &Allocation::extensions, "data samverkan does not model"},
              field{"provenance", &Allocation::provenance, "where it was read, or None"});
  allocation.def("distributed", &Allocation::distributed,
                 "Sum of the shares; raises CurrencyMismatchError on mixed currencies.");

  py::class_<Target> target(m, "Target", "A target level (\"målnivå\") of an indicator for a period.");
  bind_fields(target, "Target", {"value", "kind", "period"}, field{"value", &Target::value, "the level"},
              field{"kind", &Target::kind, "a TargetKind"}, field{"period", &Target::period, "the Period"},
              field{"note", &Target::note, "a remark"});

  py::class_<Observation> observation(m, "Observation",
                                      "A measured value for an organisation and period; without an\n"
                                      "organisation it is the national reference (\"riket\").");
  bind_fields(observation, "Observation", {"organisation", "period", "value"},
              field{"organisation", &Observation::organisation, "id of the organisation, None for national"},
              field{"period", &Observation::period, "the Period measured"},
              field{"value", &Observation::value, "the value (float)"},
              field{"note", &Observation::note, "a remark"},
              field{"extensions", &Observation::extensions, "data samverkan does not model"},
              field{"provenance", &Observation::provenance, "where it was read, or None"});
  observation.def("is_national", &Observation::is_national, "True when the observation has no organisation.");

  py::class_<Indicator> indicator(m, "Indicator", "An indicator (\"systemmått\"): what is measured, unit, direction.");
  bind_fields(indicator, "Indicator", {"id", "name", "unit"},
              field{"id", &Indicator::id, "the id; empty to let Corpus.add make one"},
              field{"name", &Indicator::name, "the name"}, field{"area", &Indicator::area, "the area"},
              field{"serves", &Indicator::serves, "the goal or promise it serves"},
              field{"unit", &Indicator::unit, "the unit (\"%\", \"dagar\")"},
              field{"direction", &Indicator::direction, "a Direction"},
              field{"definition", &Indicator::definition, "how it is measured"},
              field{"targets", &Indicator::targets, "list of Target"},
              field{"observations", &Indicator::observations, "list of Observation"},
              field{"extensions", &Indicator::extensions, "data samverkan does not model"},
              field{"provenance", &Indicator::provenance, "where it was read, or None"});
  indicator.def("better", &Indicator::better, py::arg("a"), py::arg("b"),
                "True when value a is better than b in the indicator's direction.");
}

}  // namespace samverkan_py
