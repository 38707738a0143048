// samverkan.Corpus: records of every kind by id, loading and saving, names,
// validation, merge, and the tables for analysis.
#include "bindings.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <filesystem>

namespace samverkan_py {

namespace {

// None: from the file name; a str: any name of an ArchiveFormat ("binary",
// "svk", "json" ...); or an ArchiveFormat.
std::optional<ArchiveFormat> archive_format(const py::object& format) {
  if (format.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(format)) return from_string<ArchiveFormat>(format.cast<std::string>());
  return format.cast<ArchiveFormat>();
}

template <corpus_record T>
void bind_kind(py::class_<Corpus>& cls, const std::string& singular, const std::string& plural, const char* type_name) {
  using IdT = typename T::id_type;
  const std::string type(type_name);
  cls.def(
      "add", [](Corpus& self, T record) { return self.add(std::move(record)); }, py::arg("record"),
      ("Adds a " + type + " and returns its id (a str). An empty id is replaced by a readable one;\n"
       "raises DuplicateIdError when the id is taken.")
          .c_str());
  cls.def(
      "update", [](Corpus& self, T record) { self.update(std::move(record)); }, py::arg("record"),
      ("Replaces the " + type + " with the same id; raises NotFoundError when there is none.").c_str());
  cls.def(
      ("get_" + singular).c_str(), [](const Corpus& self, const IdT& id) { return self.get(id); }, py::arg("id"),
      ("A copy of the " + type + " with this id; raises NotFoundError when there is none.").c_str());
  cls.def(
      ("find_" + singular).c_str(),
      [](const Corpus& self, const IdT& id) -> std::optional<T> {
        if (const auto* found = self.find(id)) return *found;
        return std::nullopt;
      },
      py::arg("id"), ("A copy of the " + type + " with this id, or None.").c_str());
  cls.def(
      ("remove_" + singular).c_str(), [](Corpus& self, const IdT& id) { return self.remove(id); }, py::arg("id"),
      ("Removes the " + type + "; False when there was none. References to it stay for validate() to report.")
          .c_str());
  cls.def(
      plural.c_str(),
      [](const Corpus& self) {
        std::vector<T> records;
        records.reserve(self.all<T>().size());
        for (const auto& entry : self.all<T>()) records.push_back(entry.second);
        return records;
      },
      ("Copies of every " + type + ", in id order.").c_str());
}

template <class T>
std::optional<T> copy_of(const T* found) {
  if (found) return *found;
  return std::nullopt;
}

}  // namespace

void bind_corpus(py::module_& m) {
  bind_vocabulary<Severity>(m, "Severity", "How bad a problem is.");
  bind_vocabulary<ArchiveFormat>(m, "ArchiveFormat", "The formats a corpus can be saved in.");

  py::class_<Problem> problem(m, "Problem", "One thing wrong with a corpus: entity, field and message.");
  bind_fields(problem, "Problem", {"severity", "entity", "field", "message"},
              field{"severity", &Problem::severity, "a Severity"},
              field{"entity", &Problem::entity, "EntityRef of the entity at fault"},
              field{"field", &Problem::field, "path of the field, e.g. \"attendance[2].person\""},
              field{"message", &Problem::message, "what is wrong"});
  problem.def("__str__", &Problem::str, "\"error: meeting meeting/1: attendance[2].person: ...\"");

  py::class_<MergeReport> report(m, "MergeReport", "What Corpus.merge did.");
  bind_fields(report, "MergeReport", {"added", "merged"},
              field{"added", &MergeReport::added, "records added"},
              field{"merged", &MergeReport::merged, "records recognised as records already held"},
              field{"renamed", &MergeReport::renamed, "(other's EntityRef, EntityRef here) where the id changed"},
              field{"conflicts", &MergeReport::conflicts, "fields where the two disagreed; ours was kept"});

  py::class_<Corpus> corpus(m, "Corpus",
                            "Owns records of every kind by id, indexes them, resolves names, merges and\n"
                            "validates. Records handed out are copies: change one and give it back with\n"
                            "update(). Long calls (load, save, validate, merge, the frames) release the GIL;\n"
                            "do not modify a corpus from another thread while they run.");
  corpus.def(py::init<>(), "An empty corpus.");

  bind_kind<Organisation>(corpus, "organisation", "organisations", "Organisation");
  bind_kind<Person>(corpus, "person", "people", "Person");
  bind_kind<Membership>(corpus, "membership", "memberships", "Membership");
  bind_kind<Meeting>(corpus, "meeting", "meetings", "Meeting");
  bind_kind<ActionItem>(corpus, "action_item", "action_items", "ActionItem");
  bind_kind<Agreement>(corpus, "agreement", "agreements", "Agreement");
  bind_kind<ActionPlan>(corpus, "plan", "plans", "ActionPlan");
  bind_kind<FundingPot>(corpus, "funding_pot", "funding_pots", "FundingPot");
  bind_kind<Allocation>(corpus, "allocation", "allocations", "Allocation");
  bind_kind<Indicator>(corpus, "indicator", "indicators", "Indicator");

  corpus
      .def_static(
          "load", [](const std::string& path) { return load(std::filesystem::path(path)); }, py::arg("path"),
          py::call_guard<py::gil_scoped_release>(),
          "Reads a corpus file in any format samverkan writes; the format is read from the content.\n"
          "Raises FileError when the file cannot be read (CorruptFileError when damaged,\n"
          "SchemaVersionError when written by a newer samverkan), ParseError for bad JSON.")
      .def(
          "save",
          [](const Corpus& self, const std::string& path, const py::object& format) {
            const auto chosen = archive_format(format);
            py::gil_scoped_release release;
            save(self, std::filesystem::path(path), chosen);
          },
          py::arg("path"), py::arg("format") = py::none(),
          "Writes the corpus, replacing the file crash-safely (the old file survives a failure).\n\n"
          "Args:\n    path: the file.\n"
          "    format: an ArchiveFormat or its name (\"binary\", \"text\", \"xml\", \"json\"), or None\n"
          "        for the one the file name implies (.svk binary, .svkt text, .svkx/.xml, .json).")
      .def(
          "to_json", [](const Corpus& self, int indent) { return to_json(self, indent); }, py::arg("indent") = 2,
          py::call_guard<py::gil_scoped_release>(), "The corpus as JSON text (schema samverkan.corpus).")
      .def_static(
          "from_json", [](std::string_view text, std::string_view source) { return from_json(text, source); },
          py::arg("text"), py::arg("source") = "", py::call_guard<py::gil_scoped_release>(),
          "Reads JSON text written by to_json; source names it in error messages.")
      .def("__len__", &Corpus::size, "Number of top-level records of every kind together.")
      .def(
          "counts",
          [](const Corpus& self) {
            return std::map<std::string, std::size_t>{
                {"organisations", self.organisations().size()}, {"people", self.people().size()},
                {"memberships", self.memberships().size()},     {"meetings", self.meetings().size()},
                {"action_items", self.action_items().size()},   {"agreements", self.agreements().size()},
                {"plans", self.plans().size()},                 {"funding_pots", self.funding_pots().size()},
                {"allocations", self.allocations().size()},     {"indicators", self.indicators().size()}};
          },
          "Number of records of each kind, by kind.")
      .def("contains", &Corpus::contains, py::arg("ref"), "Whether an entity of any kind, nested too, has this id.")
      .def("__contains__", &Corpus::contains, py::arg("ref"), "`EntityRef(...) in corpus`.")
      .def(
          "find_decision", [](const Corpus& self, const DecisionId& id) { return copy_of(self.find_decision(id)); },
          py::arg("id"), "A copy of the decision (inside a meeting) with this id, or None.")
      .def(
          "find_goal", [](const Corpus& self, const GoalId& id) { return copy_of(self.find_goal(id)); },
          py::arg("id"), "A copy of the goal (inside a plan) with this id, or None.")
      .def(
          "find_activity", [](const Corpus& self, const ActivityId& id) { return copy_of(self.find_activity(id)); },
          py::arg("id"), "A copy of the activity (inside a plan) with this id, or None.")
      .def(
          "find_funding_line",
          [](const Corpus& self, const FundingLineId& id) { return copy_of(self.find_funding_line(id)); },
          py::arg("id"), "A copy of the funding line (inside a plan) with this id, or None.")
      .def("holder_of", &Corpus::holder_of, py::arg("nested"),
           "The top-level record holding a nested one (the meeting of a decision), or None.")
      .def("meetings_in", &Corpus::meetings_in, py::arg("period"),
           "Ids of the meetings whose date lies in the period, by date then id.")
      .def("meetings_of", &Corpus::meetings_of, py::arg("body"), "Ids of the meetings held by a body, by date.")
      .def("referring_to", &Corpus::referring_to, py::arg("target"),
           "EntityRefs of every top-level record that refers to the target, in id order.")
      .def("resolve_organisation", &Corpus::resolve_organisation, py::arg("name"),
           "Id of the organisation whose name or alias matches, ignoring case and spacing;\n"
           "None when none or several match.")
      .def("resolve_person", &Corpus::resolve_person, py::arg("name"), "Ids of every person with this name.")
      .def("resolve_or_add_organisation", &Corpus::resolve_or_add_organisation, py::arg("name"),
           py::arg("kind") = OrganisationKind::other, "Resolves the name, or adds an organisation of that name and kind.")
      .def("resolve_or_add_person", &Corpus::resolve_or_add_person, py::arg("name"),
           py::arg("organisation") = py::none(),
           "Resolves the name (preferring a person listed with organisation), or adds the person.")
      .def("merge", &Corpus::merge, py::arg("other"), py::call_guard<py::gil_scoped_release>(),
           "Takes in every record of other, recognising records already held; returns a MergeReport.\n"
           "If it raises, this corpus is left unchanged.")
      .def("validate", &Corpus::validate, py::call_guard<py::gil_scoped_release>(),
           "Every Problem found, errors and warnings; an empty list means consistent.")
      .def(
          "__repr__",
          [](const Corpus& self) {
            return "Corpus(organisations=" + std::to_string(self.organisations().size()) +
                   ", people=" + std::to_string(self.people().size()) +
                   ", meetings=" + std::to_string(self.meetings().size()) +
                   ", agreements=" + std::to_string(self.agreements().size()) +
                   ", plans=" + std::to_string(self.plans().size()) + ", records=" + std::to_string(self.size()) +
                   ")";
          },
          "Counts of the main kinds.")
      // Through the library's binary archive, so a corpus travels to worker
      // processes in the same checked envelope as a saved file.
      .def(py::pickle(
          [](const Corpus& self) {
            std::string bytes;
            {
              py::gil_scoped_release release;
              bytes = to_bytes(self);
            }
            return py::make_tuple(py::bytes(bytes));
          },
          [](const py::tuple& state) {
            if (state.size() != 1) throw value_error("pickled corpus state of the wrong size");
            const std::string bytes = state[0].cast<std::string>();
            py::gil_scoped_release release;
            return from_bytes<Corpus>(bytes);
          }))
      .def("to_frames", &make_frames,
           "Every table as a dict of pandas DataFrames, by table name (see frame()).")
      .def("frame", &make_frame, py::arg("table"),
           "One table as a pandas DataFrame. table: one of samverkan.FRAME_NAMES.");
  for (const std::string& name : frame_names())
    corpus.def(
        (name + "_frame").c_str(), [name](const Corpus& self) { return make_frame(self, name); },
        ("The " + name + " table as a pandas DataFrame; the same as frame(\"" + name + "\").").c_str());
  def_equality(corpus, "Same records.");
  def_unhashable(corpus);
  m.attr("FRAME_NAMES") = frame_names();
}

}  // namespace samverkan_py
