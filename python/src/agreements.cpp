// Agreements: parties, signatories, blocks, conditions, obligations,
// payments, requisition rules and amendments.
#include "bindings.hpp"

namespace samverkan_py {

void bind_agreements(py::module_& m) {
  bind_vocabulary<PartyRole>(m, "PartyRole", "A party's role in an agreement.");
  bind_vocabulary<ConditionKind>(m, "ConditionKind", "A condition or a performance requirement.");
  bind_vocabulary<Comparator>(m, "Comparator", "How a threshold compares.");
  bind_vocabulary<MilestoneStatus>(m, "MilestoneStatus", "Whether a payment or obligation is met.");
  bind_vocabulary<AmendmentKind>(m, "AmendmentKind", "An amendment or an extension.");

  py::class_<Party> party(m, "Party", "A party to an agreement and its roles.");
  bind_fields(party, "Party", {"organisation", "roles"}, field{"organisation", &Party::organisation, "id of the organisation"},
              field{"roles", &Party::roles, "list of PartyRole"});

  py::class_<Signatory> signatory(m, "Signatory", "Who signed, as written under the agreement.");
  bind_fields(signatory, "Signatory", {"name", "organisation"},
              field{"person", &Signatory::person, "id of the person, when known"},
              field{"name", &Signatory::name, "the name as written"}, field{"title", &Signatory::title, "the title"},
              field{"organisation", &Signatory::organisation, "id of the organisation"},
              field{"place", &Signatory::place, "where it was signed"},
              field{"date", &Signatory::date, "when it was signed, or None"});

  py::class_<AgreementBlock> block(m, "AgreementBlock", "A named part of an agreement's money (\"Del 1\").");
  bind_fields(block, "AgreementBlock", {"key", "title", "amount"},
              field{"key", &AgreementBlock::key, "short key conditions and payments refer to"},
              field{"title", &AgreementBlock::title, "the title"},
              field{"amount", &AgreementBlock::amount, "the Money of the block"},
              field{"purpose", &AgreementBlock::purpose, "what it is for"},
              field{"extensions", &AgreementBlock::extensions, "data samverkan does not model"});

  py::class_<Threshold> threshold(m, "Threshold", "A comparison against a value in a unit (\"at least 95 %\").");
  bind_fields(threshold, "Threshold", {"comparator", "value", "unit"},
              field{"comparator", &Threshold::comparator, "a Comparator"},
              field{"value", &Threshold::value, "the value compared against"},
              field{"unit", &Threshold::unit, "the unit (\"%\")"});
  threshold.def("is_met_by", &Threshold::is_met_by, py::arg("observed"), "Whether the observed value meets it.");

  py::class_<Condition> condition(m, "Condition", "A condition or performance requirement of an agreement.");
  bind_fields(condition, "Condition", {"key", "kind", "text"}, field{"key", &Condition::key, "short key"},
              field{"kind", &Condition::kind, "a ConditionKind"}, field{"text", &Condition::text, "the text"},
              field{"indicator", &Condition::indicator, "id of the indicator, when tied to one"},
              field{"threshold", &Condition::threshold, "a Threshold, or None"},
              field{"block", &Condition::block, "the block it governs; empty for the whole agreement"},
              field{"extensions", &Condition::extensions, "data samverkan does not model"},
              field{"provenance", &Condition::provenance, "where it was read, or None"});

  py::class_<ReportingObligation> obligation(m, "ReportingObligation", "What must be reported, by whom, by when.");
  bind_fields(obligation, "ReportingObligation", {"what", "deadline", "status"},
              field{"what", &ReportingObligation::what, "what is reported"},
              field{"by", &ReportingObligation::by, "id of the reporting organisation"},
              field{"to", &ReportingObligation::to, "id of the receiving organisation"},
              field{"deadline", &ReportingObligation::deadline, "the deadline, or None"},
              field{"status", &ReportingObligation::status, "a MilestoneStatus"},
              field{"extensions", &ReportingObligation::extensions, "data samverkan does not model"},
              field{"provenance", &ReportingObligation::provenance, "where it was read, or None"});

  py::class_<Payment> payment(m, "Payment", "A payment or payment milestone.");
  bind_fields(payment, "Payment", {"amount", "date", "status"}, field{"amount", &Payment::amount, "the Money"},
              field{"date", &Payment::date, "when, or None"},
              field{"condition", &Payment::condition, "the condition as written"},
              field{"condition_keys", &Payment::condition_keys, "keys of the Conditions it depends on"},
              field{"block", &Payment::block, "the block it belongs to"},
              field{"payer", &Payment::payer, "id of the paying organisation"},
              field{"payee", &Payment::payee, "id of the receiving organisation"},
              field{"status", &Payment::status, "a MilestoneStatus"},
              field{"extensions", &Payment::extensions, "data samverkan does not model"},
              field{"provenance", &Payment::provenance, "where it was read, or None"});

  py::class_<RequisitionRule> requisition(m, "RequisitionRule", "How funds are requisitioned.");
  bind_fields(requisition, "RequisitionRule", {"text", "deadline"}, field{"text", &RequisitionRule::text, "the rule"},
              field{"from_", &RequisitionRule::from, "id of the organisation requisitioned from"},
              field{"deadline", &RequisitionRule::deadline, "the deadline, or None"});

  py::class_<Amendment> amendment(m, "Amendment", "A change to an agreement or an extension of its validity.");
  bind_fields(amendment, "Amendment", {"kind", "date", "text"}, field{"kind", &Amendment::kind, "an AmendmentKind"},
              field{"date", &Amendment::date, "when, or None"}, field{"text", &Amendment::text, "what changed and why"},
              field{"new_validity", &Amendment::new_validity, "the new validity Period, or None"},
              field{"new_total", &Amendment::new_total, "the new total Money, or None"},
              field{"decided_by", &Amendment::decided_by, "EntityRef of the deciding decision or meeting"},
              field{"reference", &Amendment::reference, "the deciding reference as written"},
              field{"extensions", &Amendment::extensions, "data samverkan does not model"},
              field{"provenance", &Amendment::provenance, "where it was read, or None"});

  py::class_<Agreement> agreement(m, "Agreement", "An agreement between parties.");
  bind_fields(agreement, "Agreement", {"id", "title", "total"},
              field{"id", &Agreement::id, "the id; empty to let Corpus.add make one"},
              field{"title", &Agreement::title, "the title"},
              field{"short_name", &Agreement::short_name, "a short name (\"Kömiljarden 2019\")"},
              field{"case_number", &Agreement::case_number, "the case number"},
              field{"parties", &Agreement::parties, "list of Party"},
              field{"signatories", &Agreement::signatories, "list of Signatory"},
              field{"validity", &Agreement::validity, "the validity Period"},
              field{"total", &Agreement::total, "the total Money, or None"},
              field{"blocks", &Agreement::blocks, "list of AgreementBlock"},
              field{"conditions", &Agreement::conditions, "list of Condition"},
              field{"obligations", &Agreement::obligations, "list of ReportingObligation"},
              field{"payments", &Agreement::payments, "list of Payment"},
              field{"requisition_rules", &Agreement::requisition_rules, "list of RequisitionRule"},
              field{"amendments", &Agreement::amendments, "list of Amendment"},
              field{"extensions", &Agreement::extensions, "data samverkan does not model"},
              field{"provenance", &Agreement::provenance, "where it was read, or None"});
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
