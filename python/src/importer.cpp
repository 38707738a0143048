// The minutes importer from Python: the compiled half of
// samverkan.import_minutes (python/samverkan/importing.py decides whether it
// was given text, a file or a folder; these functions do the work with the
// GIL released and the corpus locked for writing).
#include "bindings.hpp"

#include <samverkan/import/document.hpp>
#include <samverkan/import/minutes.hpp>
#if SAMVERKAN_HAVE_PDF
#include <samverkan/import/pdf.hpp>
#endif

// The importer's own name rules, for samverkan.dask (see _import_name_rules).
#include "../../src/import/scan.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>

namespace samverkan_py {

void bind_importer(py::module_& m) {
  using import::ImportResult;
  using import::Warning;
#if SAMVERKAN_HAVE_PDF
  import::register_pdf_reader();
#endif
  m.def(
      "features",
      [] {
        py::dict out;
        out["docx"] = true;
        out["pdf"] = import::can_read(import::FileFormat::pdf);
        return out;
      },
      "What this build reads: {\"docx\": True, \"pdf\": bool}. PDF support links GPL Poppler and is\n"
      "built when libpoppler-cpp is found (see LICENSE); without it importing a PDF raises FileError.");

  py::class_<Warning> warning(m, "ImportWarning",
                              "Something a document held that the importer could not read, with where it was.");
  bind_fields(warning, "ImportWarning", {"document", "line", "message"},
              field{"document", &Warning::document, "the document's name"},
              field{"line", &Warning::line, "one-based line; 0 for the whole document"},
              field{"message", &Warning::message, "what could not be read"},
              field{"text", &Warning::text, "the line as written"},
              field{"location", &Warning::location,
                    "for a .docx or PDF, where the line is in the original (\"page 3, line 12\")"});
  warning.def("__str__", &Warning::str, "\"file.txt:12: message: «text»\".");

  py::class_<ImportResult> result(m, "ImportResult", "What importing one document added to the corpus.");
  bind_fields(result, "ImportResult", {"meeting", "action_items", "warnings"},
              field{"meeting", &ImportResult::meeting, "id of the meeting the document holds"},
              field{"action_items", &ImportResult::action_items, "ids of the action items its decisions gave"},
              field{"new_organisations", &ImportResult::new_organisations,
                    "ids of organisations made because no known one matched a name"},
              field{"new_people", &ImportResult::new_people, "ids of people made because no known one matched a name"},
              field{"agreements", &ImportResult::agreements,
                    "ids of the agreements the document holds (alone, or appended after a protocol)"},
              field{"plans", &ImportResult::plans, "ids of the action plans the document holds"},
              field{"new_indicators", &ImportResult::new_indicators,
                    "ids of indicators made because no known one matched a name"},
              field{"warnings", &ImportResult::warnings, "what could not be read, as ImportWarning values"});

  m.def(
      "import_text",
      [](Corpus& corpus, const std::string& text, const std::string& document, std::optional<int> year,
         bool update_existing) {
        import::ParseOptions options;
        options.default_year = year;
        options.update_existing = update_existing;
        return writing_released(corpus, [&] { return import::import_minutes(corpus, text, document, options); });
      },
      py::arg("corpus"), py::arg("text"), py::arg("document") = "", py::arg("year") = py::none(),
      py::arg("update_existing") = true,
      "Reads minutes, a protocol, an agreement or an action plan given as text into `corpus` and returns\n"
      "an ImportResult (a document that is only an agreement or a plan adds no meeting).\n\n"
      "Args:\n"
      "    corpus: the Corpus the names are resolved against and the records added to\n"
      "    text: the document, plain text or Markdown\n"
      "    document: the name used in provenance and warnings\n"
      "    year: year of dates written without one, when the document names none\n"
      "    update_existing: a meeting already in the corpus (same body, date and title) takes in what\n"
      "        the document adds to it (attendees, items, decisions, action items); False leaves it");
  m.def(
      "import_file",
      [](Corpus& corpus, const std::filesystem::path& path, std::optional<int> year, bool update_existing) {
        import::ParseOptions options;
        options.default_year = year;
        options.update_existing = update_existing;
        return writing_released(corpus, [&] { return import::import_file(corpus, path, options); });
      },
      py::arg("corpus"), py::arg("path"), py::arg("year") = py::none(), py::arg("update_existing") = true,
      "Reads one document file (text, Markdown, Word .docx or PDF, told by its content) into `corpus`;\n"
      "raises FileError when it cannot be read (damaged, encrypted, a scan, another format).\n\n"
      "Args:\n"
      "    corpus: the Corpus the names are resolved against and the records added to\n"
      "    path: the file\n"
      "    year: year of dates written without one, when the document names none\n"
      "    update_existing: a meeting already in the corpus (same body, date and title) takes in what\n"
      "        the document adds to it (attendees, items, decisions, action items); False leaves it");
  // samverkan.dask merges corpora imported apart; to resolve names across
  // them as one import would, it needs the importer's rules, not a copy of them.
  m.def(
      "_import_name_rules",
      [](const std::string& name) {
        return py::make_tuple(import::detail::all_caps(name), import::detail::region_core(name),
                              import::detail::acronyms(name), import::detail::guess_kind(name));
      },
      py::arg("name"),
      "(all_caps, region_core, acronyms, guessed kind) of an organisation's name, as the importer reads it.\n"
      "Internal to samverkan.dask.");
  m.def(
      "collect_documents",
      [](const std::vector<std::filesystem::path>& paths) {
        std::vector<std::string> out;
        for (const auto& p : import::collect_documents(paths)) out.push_back(p.string());
        return out;
      },
      py::arg("paths"),
      "The documents an import of `paths` reads: files as given, and the .txt, .md, .docx and .pdf files\n"
      "under each folder, recursively, in name order, README files and Word lock files left out.\n\n"
      "Args:\n"
      "    paths: files and folders");
}

}  // namespace samverkan_py
