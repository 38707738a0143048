// Agreements: parties, signatories, blocks, conditions, obligations,
// payments, requisition rules and amendments.
#include "described.hpp"

namespace samverkan_py {

void bind_agreements(py::module_& m) {
  bind_vocabulary<PartyRole>(m, "PartyRole", "A party's role in an agreement.");
  bind_vocabulary<ConditionKind>(m, "ConditionKind", "A condition or a performance requirement.");
  bind_vocabulary<Comparator>(m, "Comparator", "How a threshold compares.");
  bind_vocabulary<MilestoneStatus>(m, "MilestoneStatus", "Whether a payment or obligation is met.");
  bind_vocabulary<AmendmentKind>(m, "AmendmentKind", "An amendment or an extension.");

  py::class_<Party> party(m, "Party", "A party to an agreement and its roles.");
  bind_described(party, {"organisation", "roles"});

  py::class_<Signatory> signatory(m, "Signatory", "Who signed, as written under the agreement.");
  bind_described(signatory, {"name", "organisation"});

  py::class_<AgreementBlock> block(m, "AgreementBlock", "A named part of an agreement's money (\"Del 1\").");
  bind_described(block, {"key", "title", "amount"});

  py::class_<Threshold> threshold(m, "Threshold", "A comparison against a value in a unit (\"at least 95 %\").");
  bind_described(threshold, {"comparator", "value", "unit"});
  threshold.def("is_met_by", &Threshold::is_met_by, py::arg("observed"), "Whether the observed value meets it.");

  py::class_<Condition> condition(m, "Condition", "A condition or performance requirement of an agreement.");
  bind_described(condition, {"key", "kind", "text"});

  py::class_<ReportingObligation> obligation(m, "ReportingObligation", "What must be reported, by whom, by when.");
  bind_described(obligation, {"what", "deadline", "status"});

  py::class_<Payment> payment(m, "Payment", "A payment or payment milestone.");
  bind_described(payment, {"amount", "date", "status"});

  py::class_<RequisitionRule> requisition(m, "RequisitionRule", "How funds are requisitioned.");
  bind_described(requisition, {"text", "deadline"});

  py::class_<Amendment> amendment(m, "Amendment", "A change to an agreement or an extension of its validity.");
  bind_described(amendment, {"kind", "date", "text"});

  py::class_<Agreement> agreement(m, "Agreement", "An agreement between parties.");
  bind_described(agreement, {"id", "title", "total"});
  agreement.def("effective_validity", &Agreement::effective_validity, "The validity after every extension.")
      .def(
          "block",
          [](const Agreement& self, std::string_view key) -> std::optional<AgreementBlock> {
            if (const auto* found = self.block(key)) return *found;
            return std::nullopt;
          },
          py::arg("key"), "A copy of the block with this key, or None.");
}

}  // namespace samverkan_py
