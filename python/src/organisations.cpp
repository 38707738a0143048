// Organisations, people and memberships; funding pots and allocations;
// indicators with their targets and observations.
#include "described.hpp"

namespace samverkan_py {

void bind_organisations(py::module_& m) {
  bind_vocabulary<OrganisationKind>(m, "OrganisationKind",
                                    "What an organisation is: region, municipality, committee ...");
  bind_vocabulary<MembershipRole>(m, "MembershipRole", "A person's role in a body.");
  bind_vocabulary<Direction>(m, "Direction", "Which way an indicator is better.");
  bind_vocabulary<TargetKind>(m, "TargetKind", "A national target level or one chosen locally.");

  py::class_<Organisation> organisation(m, "Organisation",
                                        "An organisation or a body that meets (region, municipality, committee,\n"
                                        "working group). Lists are copies: assign a whole new list to change one.");
  bind_described(organisation, {"id", "name", "kind"});

  py::class_<Person> person(m, "Person", "A person, as named in documents.");
  bind_described(person, {"id", "name", "organisation"});

  py::class_<Membership> membership(m, "Membership", "A person's place in an organisation or body for a period.");
  bind_described(membership, {"id", "person", "organisation", "role"});

  py::class_<FundingPot> pot(m, "FundingPot", "An amount to be shared out: a block of an agreement, a grant.");
  bind_described(pot, {"id", "name", "amount"});

  py::class_<AllocationShare> share(m, "AllocationShare", "One recipient's result of an allocation, and why.");
  bind_described(share, {"recipient", "amount"});

  py::class_<Allocation> allocation(m, "Allocation", "The result of applying a rule to a pot.");
  bind_described(allocation, {"id", "pot", "rule"});
  allocation.def("distributed", &Allocation::distributed,
                 "Sum of the shares; raises CurrencyMismatchError on mixed currencies.");

  py::class_<Target> target(m, "Target", "A target level (\"målnivå\") of an indicator for a period.");
  bind_described(target, {"value", "kind", "period"});

  py::class_<Observation> observation(m, "Observation",
                                      "A measured value for an organisation and period; without an\n"
                                      "organisation it is the national reference (\"riket\").");
  bind_described(observation, {"organisation", "period", "value"});
  observation.def("is_national", &Observation::is_national, "True when the observation has no organisation.");

  py::class_<Indicator> indicator(m, "Indicator", "An indicator (\"systemmått\"): what is measured, unit, direction.");
  bind_described(indicator, {"id", "name", "unit"});
  indicator.def("better", &Indicator::better, py::arg("a"), py::arg("b"),
                "True when value a is better than b in the indicator's direction.");
}

}  // namespace samverkan_py
