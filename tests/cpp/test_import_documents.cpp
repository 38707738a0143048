// Word and PDF documents: formats told by content, the .docx reader on
// packages built here (styles, numbering, merged cells, line breaks), the
// PDF reader on PDFs written here (columns, running headers and footers, a
// table over a page break, hyphenation, a thousand pages, a scan), hostile
// files, and the same facts from the .txt, .docx and .pdf forms of one
// document.
#include <samverkan/core/error.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/import/document.hpp>
#include <samverkan/io/archive.hpp>
#if SAMVERKAN_HAVE_PDF
#include <samverkan/import/pdf.hpp>
#endif

#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace sv = samverkan;
namespace im = samverkan::import;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = SAMVERKAN_SOURCE_DIR;
const fs::path forms = source_dir / "benchmarks" / "fidelity" / "forms";
const fs::path texts = source_dir / "benchmarks" / "fidelity" / "documents";
const fs::path bad = source_dir / "tests" / "fixtures" / "documents" / "bad";

// A zip package in memory, written with libzip.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  REQUIRE(out);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  REQUIRE(z);
  for (const auto& [name, data] : members) {
    zip_source_t* s = zip_source_buffer_create(data.data(), data.size(), 0, &error);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  REQUIRE(zip_source_open(out) == 0);
  REQUIRE(zip_source_seek(out, 0, SEEK_END) == 0);
  const auto size = zip_source_tell(out);
  REQUIRE(zip_source_seek(out, 0, SEEK_SET) == 0);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  REQUIRE(zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size)) == size);
  zip_source_close(out);
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}

const std::string W = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string docx(const std::string& body) {
  const std::string styles = R"(<?xml version="1.0"?><w:styles )" + W +
                             R"(><w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>)"
                             R"(<w:style w:type="paragraph" w:styleId="Egen"><w:name w:val="Min rubrik"/>)"
                             R"(<w:basedOn w:val="Rubrik1"/></w:style></w:styles>)";
  const std::string numbering =
      R"~(<?xml version="1.0"?><w:numbering )~" + W +
      R"~(><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>)~"
      R"~(<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>)~"
      R"~(<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">)~"
      R"~(<w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>)~"
      R"~(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)~"
      R"~(</w:numbering>)~";
  return make_zip({{"[Content_Types].xml", "<Types/>"},
                   {"word/document.xml", R"(<?xml version="1.0"?><w:document )" + W + "><w:body>" + body +
                                             "</w:body></w:document>"},
                   {"word/styles.xml", styles},
                   {"word/numbering.xml", numbering}});
}

std::string p(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" + text +
         "</w:t></w:r></w:p>";
}
std::string tc(const std::string& text, const std::string& tcpr = "") {
  return "<w:tc>" + (tcpr.empty() ? "" : "<w:tcPr>" + tcpr + "</w:tcPr>") + p(text) + "</w:tc>";
}

#if SAMVERKAN_HAVE_PDF
// A PDF written by hand: each page a list of (x, y, size, bold, text), in
// Helvetica with WinAnsi encoding (the UTF-8 text is turned into Latin-1).
struct Text {
  double x, y, size;
  bool bold;
  std::string text;
};

std::string latin1_escaped(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    auto c = static_cast<unsigned char>(utf8[i]);
    unsigned code = c;
    if (c >= 0xC0 && i + 1 < utf8.size()) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    }
    if (code == '(' || code == ')' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code >= 0x80) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", code & 0xFFu);
      out += buf;
    } else {
      out += static_cast<char>(code);
    }
  }
  return out;
}

std::string make_pdf(const std::vector<std::vector<Text>>& pages) {
  std::vector<std::string> objects;  // object k+1
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("");  // the page tree, below
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const auto& page : pages) {
    std::string content;
    for (const auto& t : page) {
      char head[96];
      std::snprintf(head, sizeof head, "BT /%s %.1f Tf %.1f %.1f Td (", t.bold ? "F2" : "F1", t.size, t.x, t.y);
      content += head + latin1_escaped(t.text) + ") Tj ET\n";
    }
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
    const std::size_t content_id = objects.size();
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R "
                      ">> >> /Contents " +
                      std::to_string(content_id) + " 0 R >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects[1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(out.size());
    out += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const auto off : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}
#endif

std::string io_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const sv::io_error& e) {
    return e.what();
  }
  return "no error";
}

const im::ParsedAttendee* attendee(const im::ParsedMinutes& m, std::string_view name) {
  for (const auto& a : m.attendees)
    if (a.name == name) return &a;
  return nullptr;
}

}  // namespace

TEST_CASE("documents: the format is told by the content, not the name", "[import][documents]") {
  CHECK(im::detect_format("%PDF-1.7\n...") == im::FileFormat::pdf);
  CHECK(im::detect_format(std::string("\0\0junk%PDF-1.4", 11)) == im::FileFormat::pdf);
  CHECK(im::detect_format("Protokoll\nBilaga: en fil som börjar med %PDF-1.4\n") == im::FileFormat::text);
  CHECK(im::detect_format(docx(p("x"))) == im::FileFormat::docx);
  CHECK(im::detect_format(make_zip({{"content.xml", "<x/>"}})) == im::FileFormat::other_zip);
  CHECK(im::detect_format(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)) == im::FileFormat::binary);
  CHECK(im::detect_format("Protokoll\nDatum: 2024-03-14\n") == im::FileFormat::text);
  CHECK(im::detect_format("") == im::FileFormat::text);
  // A .docx saved as .txt is read as Word all the same.
  const fs::path dir = fs::temp_directory_path() / "samverkan_documents_detect";
  fs::create_directories(dir);
  sv::detail::write_file_atomically(dir / "protokoll.txt", sv::detail::read_file(forms / "08_natverk_varmland.docx"));
  const auto parsed = im::parse_file(dir / "protokoll.txt");
  CHECK(parsed.extensions.at("source.format") == "docx");
  CHECK(parsed.attendees.size() >= 9);
  fs::remove_all(dir);
}

TEST_CASE("docx: headings, numbering, line breaks, merged cells and tracked changes", "[import][documents]") {
  const std::string body =
      p("Protokoll", R"(<w:pStyle w:val="Egen"/>)") + p("Styrgruppen för nära vård") +
      "<w:p><w:r><w:t>Datum: 2024-03-14</w:t><w:br/><w:t>Plats: Kalmar</w:t></w:r></w:p>" +
      "<w:tbl><w:tr>" + tc("Närvarande", R"(<w:gridSpan w:val="2"/>)") + "</w:tr><w:tr>" + tc("Namn") +
      tc("Organisation") + "</w:tr><w:tr>" + tc("Anna Berg") + tc("Region Testlän", R"(<w:vMerge w:val="restart"/>)") +
      "</w:tr><w:tr>" + tc("Per Ek") + tc("", "<w:vMerge/>") + "</w:tr><w:tr>" + tc("Eva Lund") + tc("Testby kommun") +
      "</w:tr></w:tbl>" + p("Budget", R"(<w:pStyle w:val="Rubrik1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>)") +
      p("att fördela medlen", R"(<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>)") +
      p("att återrapportera", R"(<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>)") +
      p("en punkt", R"(<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>)") +
      "<w:p><w:r><w:t>Kvar </w:t></w:r><w:del><w:r><w:delText>struket </w:delText></w:r></w:del>"
      "<w:ins><w:r><w:t>tillagt</w:t></w:r></w:ins></w:p>";
  const auto doc = im::read_docx(docx(body), "test.docx");
  REQUIRE(doc.blocks.size() >= 10);
  CHECK(doc.blocks[0].heading == 1);  // "Min rubrik" is based on "heading 1"
  CHECK(doc.blocks[0].text == "Protokoll");
  CHECK(doc.blocks[0].location.paragraph == 1);
  CHECK(doc.blocks[2].text == "Datum: 2024-03-14\nPlats: Kalmar");
  const auto& merged = doc.blocks[3];
  REQUIRE(merged.kind == im::Block::Kind::table_row);
  REQUIRE(merged.cells.size() == 2);
  CHECK(merged.cells[0].text == "Närvarande");
  CHECK(merged.cells[1].text.empty());
  CHECK(merged.cells[1].merged);
  const auto& per = doc.blocks[6];
  REQUIRE(per.cells.size() == 2);
  CHECK(per.cells[0].text == "Per Ek");
  CHECK(per.cells[1].text == "Region Testlän");
  CHECK(per.cells[1].merged);
  CHECK(per.cells[1].location.str() == "table 1, row 4, cell 2");
  // A numbered heading keeps its number in its title; list items their labels.
  CHECK(doc.blocks[8].heading == 1);
  CHECK(doc.blocks[8].text == "1. Budget");
  CHECK(doc.blocks[9].list_level == 2);
  CHECK(doc.blocks[9].list_label == "a)");
  CHECK(doc.blocks[10].list_label == "b)");
  CHECK(doc.blocks[11].list_level == 1);
  CHECK(doc.blocks[11].list_label.empty());  // a bullet
  CHECK(doc.blocks[12].text == "Kvar tillagt");

  const auto parsed = im::parse_document(doc);
  CHECK(parsed.date == sv::make_date(2024, 3, 14));
  const auto* eva = attendee(parsed, "Eva Lund");
  const auto* per_ek = attendee(parsed, "Per Ek");
  REQUIRE(eva);
  REQUIRE(per_ek);
  CHECK(eva->organisation == "Testby kommun");
  CHECK(per_ek->organisation == "Region Testlän");
  CHECK(im::locate(parsed, per_ek->provenance.first_line, per_ek->provenance.last_line) == "table 1, row 4");
}

TEST_CASE("docx: a table row keeps its empty cells, so columns stay under their headings", "[import][documents]") {
  // The text form of this row ("Anna Berg\t\tNärvarande") loses the empty
  // title cell; the real cells keep it.
  const std::string body = p("Minnesanteckningar") + p("Datum: 2024-05-02") + p("Deltagare") + "<w:tbl><w:tr>" +
                           tc("Namn") + tc("Funktion") + tc("Organisation") + "</w:tr><w:tr>" + tc("Anna Berg") +
                           tc("") + tc("Region Testlän") + "</w:tr><w:tr>" + tc("Per Ek") + tc("MAS") +
                           tc("Testby kommun") + "</w:tr></w:tbl>" + p("1. Inledning");
  const auto parsed = im::parse_document(im::read_docx(docx(body), "cells.docx"));
  const auto* anna = attendee(parsed, "Anna Berg");
  REQUIRE(anna);
  CHECK(anna->organisation == "Region Testlän");
  CHECK(anna->title.empty());
  const auto* per = attendee(parsed, "Per Ek");
  REQUIRE(per);
  CHECK(per->organisation == "Testby kommun");
}

TEST_CASE("docx: hostile packages are refused or bounded, with the file named", "[import][documents]") {
  const auto read = [](const char* name) { return im::read_document(sv::detail::read_file(bad / name), name); };
  CHECK_THAT(io_message([&] { read("damaged.docx"); }), Catch::Contains("damaged.docx") && Catch::Contains("damaged zip"));
  CHECK_THAT(io_message([&] { read("bomb.docx"); }), Catch::Contains("unpacks to more than 64 MB"));
  CHECK_THAT(io_message([&] { read("spreadsheet.docx"); }), Catch::Contains("not a Word document"));
  CHECK_THAT(io_message([&] { read("image.pdf"); }), Catch::Contains("neither text"));
  // Entities declared in a DTD are neither fetched nor expanded.
  const auto entities = read("entities.docx");
  REQUIRE(!entities.blocks.empty());
  CHECK(entities.blocks[0].text.find("root:") == std::string::npos);
  CHECK(entities.blocks[0].text.find("aaaaaaaaaa") == std::string::npos);
  // 10^6 nested elements: no recursion, the deep text left out with a warning.
  const auto deep = read("deep.docx");
  CHECK(deep.blocks.empty());
  REQUIRE(deep.warnings.size() == 1);
  CHECK_THAT(deep.warnings[0].message, Catch::Contains("nested deeper than 64"));
  // A smaller bound applies whatever the package says.
  im::ReadLimits small;
  small.max_part_bytes = 1024;
  CHECK_THAT(io_message([&] { im::read_docx(sv::detail::read_file(forms / "08_natverk_varmland.docx"), "x.docx", small); }),
             Catch::Contains("word/"));
}

TEST_CASE("documents: a folder of good and bad files imports the good ones", "[import][documents]") {
  const fs::path dir = fs::temp_directory_path() / "samverkan_documents_folder";
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(bad)) fs::copy_file(e.path(), dir / e.path().filename());
  fs::copy_file(forms / "08_natverk_varmland.docx", dir / "08.docx");
  sv::detail::write_file_atomically(dir / "~$08.docx", "lock");
  sv::detail::write_file_atomically(dir / "saved-without-suffix", sv::detail::read_file(forms / "09_protokoll_hsn_halland.docx"));
  const auto found = im::collect_documents({dir});
  std::vector<std::string> names;
  for (const auto& f : found) names.push_back(f.filename().string());
  CHECK(std::find(names.begin(), names.end(), "~$08.docx") == names.end());
  CHECK(std::find(names.begin(), names.end(), "saved-without-suffix") != names.end());
  sv::Corpus corpus;
  std::size_t imported = 0, refused = 0;
  for (const auto& f : found) {
    try {
      im::import_file(corpus, f);
      ++imported;
    } catch (const sv::io_error& e) {
      ++refused;
      CHECK(std::string(e.what()).find(f.filename().string()) != std::string::npos);
    }
  }
  CHECK(imported >= 3);  // 08.docx, saved-without-suffix, entities.docx
  CHECK(refused >= 5);
  CHECK(corpus.meetings().size() == imported);
  fs::remove_all(dir);
}

TEST_CASE("documents: facts read from a .docx point into it", "[import][documents]") {
  sv::Corpus corpus;
  const auto result = im::import_file(corpus, forms / "08_natverk_varmland.docx");
  const auto& meeting = corpus.get(result.meeting);
  CHECK(meeting.extensions.at("source.format") == "docx");
  bool table_cell = false;
  for (const auto& a : meeting.attendance) {
    REQUIRE(a.extensions.count("source.location"));
    const auto& at = a.extensions.at("source.location");
    table_cell = table_cell || (at.starts_with("table ") && at.find(", row ") != std::string::npos);
  }
  CHECK(table_cell);
  REQUIRE(!meeting.items.empty());
  CHECK(meeting.items[0].extensions.at("source.location").starts_with("paragraph "));
}

namespace {

// The facts of a parse, without where they were read.
std::vector<std::string> facts(const im::ParsedMinutes& m) {
  std::vector<std::string> out;
  const auto add = [&](std::string field, const std::string& value) { out.push_back(field + " = " + value); };
  add("record_kind", std::string(sv::to_string(m.record_kind)));
  add("body", m.body);
  add("title", m.title);
  add("date", m.date ? sv::format_date(*m.date) : "");
  add("place", m.place);
  add("form", std::string(sv::to_string(m.form)));
  add("writer", m.writer);
  for (const auto& a : m.adjusters) add("adjuster", a);
  add("next_meeting", m.next_meeting ? sv::format_date(*m.next_meeting) : "");
  for (const auto& a : m.attendees) {
    const std::string who = "attendee " + a.name;
    add(who + " organisation", a.organisation);
    add(who + " status", std::string(sv::to_string(a.status)));
    add(who + " title", a.title);
    add(who + " party", a.party);
    add(who + " substitute_for", a.substitute_for);
    for (const auto r : a.roles) add(who + " role", std::string(sv::to_string(r)));
  }
  for (const auto& item : m.items) {
    const std::string it = "item " + item.number + " " + item.title;
    add(it + " case", item.case_number);
    for (const auto& d : item.decisions) add(it + " decision " + std::string(sv::to_string(d.kind)), d.text + " | " + d.proposal);
    for (const auto& a : item.assignments) add(it + " assignment " + a.owner, a.what);
    for (const auto& e : item.escalations) add(it + " escalation " + e.to, e.what);
  }
  return out;
}

void same_facts(const std::string& stem, const std::string& ext) {
  const auto txt = im::parse_file(texts / (stem + ext));
  const auto word = im::parse_file(forms / (stem + ".docx"));
  const auto a = facts(txt);
  const auto b = facts(word);
  INFO(stem << ": .txt and .docx");
  CHECK(a == b);
#if SAMVERKAN_HAVE_PDF
  const auto pdf = im::parse_file(forms / (stem + ".pdf"));
  INFO(stem << ": .txt and .pdf");
  CHECK(a == facts(pdf));
#endif
}

}  // namespace

TEST_CASE("documents: the .txt, .docx and .pdf forms of one document give the same facts", "[import][documents]") {
#if SAMVERKAN_HAVE_PDF
  im::register_pdf_reader();
#endif
  same_facts("08_natverk_varmland", ".txt");
  same_facts("09_protokoll_hsn_halland", ".txt");
}

#if SAMVERKAN_HAVE_PDF
TEST_CASE("pdf: lines, columns, running headers and footers, a table over a page break, hyphenation",
          "[import][documents][pdf]") {
  const auto page = [](int n, std::vector<Text> body) {
    body.insert(body.begin(), Text{72, 810, 9, false, "Region Testlän       Protokoll       2024-03-14"});
    body.push_back(Text{480, 30, 9, false, "Sida " + std::to_string(n) + " av 2"});
    return body;
  };
  std::vector<Text> one = {
      {72, 760, 16, true, "Protokoll"},
      {72, 730, 11, false, "Styrgruppen för nära vård"},
      {72, 712, 11, false, "Datum: 2024-03-14"},
      {72, 680, 11, true, "Närvarande"},
      {72, 662, 11, true, "Namn"},
      {300, 662, 11, true, "Organisation"},
  };
  const char* people[][2] = {{"Anna Berg", "Region Testlän"}, {"Per Ek", "Testby kommun"}, {"Eva Lund", "Ås kommun"},
                             {"Olle Nord", "Region Testlän"}, {"Kim Sten", "Byvik kommun"}};
  double y = 648;
  for (int k = 0; k < 3; ++k, y -= 14) {
    one.push_back({72, y, 11, false, people[k][0]});
    one.push_back({300, y, 11, false, people[k][1]});
  }
  std::vector<Text> two;
  y = 770;
  for (int k = 3; k < 5; ++k, y -= 14) {
    two.push_back({72, y, 11, false, people[k][0]});
    two.push_back({300, y, 11, false, people[k][1]});
  }
  two.push_back({72, 700, 11, true, "§ 1 Utskrivningsklara patienter"});
  two.push_back({72, 680, 11, false, "Styrgruppen beslutar att ge förvaltningen i uppdrag att följa upp utskriv-"});
  two.push_back({72, 666, 11, false, "ningsklara patienter till nästa möte."});
  const std::string bytes = make_pdf({page(1, one), page(2, two)});
  const auto doc = im::read_pdf(bytes, "test.pdf");
  CHECK(doc.pages == 2);
  std::vector<im::SourceLocation> where;
  const std::string text = im::to_text(doc, &where);
  // The running header stays once, the table's columns are tabs.
  std::size_t headers = 0;
  for (std::size_t at = text.find("Region Testlän Protokoll"); at != std::string::npos;
       at = text.find("Region Testlän Protokoll", at + 1))
    ++headers;
  CHECK(headers == 1);
  CHECK(text.find("Sida") == std::string::npos);  // footers go from every page
  CHECK(text.find("Per Ek\tTestby kommun") != std::string::npos);
  CHECK(text.find("# Protokoll") != std::string::npos);
  const auto parsed = im::parse_document(doc);
  CHECK(parsed.date == sv::make_date(2024, 3, 14));
  CHECK(parsed.attendees.size() == 5);
  const auto* kim = attendee(parsed, "Kim Sten");
  REQUIRE(kim);
  CHECK(kim->organisation == "Byvik kommun");  // a row after the page break
  CHECK(im::locate(parsed, kim->provenance.first_line, kim->provenance.last_line) == "page 2, line 3, table 1, row 6");
  REQUIRE(parsed.items.size() == 1);
  REQUIRE(!parsed.items[0].assignments.empty());
  CHECK_THAT(parsed.items[0].assignments[0].what, Catch::Contains("utskrivningsklara patienter"));
  for (const auto& w : parsed.warnings) CHECK(w.message.find("Sida") == std::string::npos);
}

TEST_CASE("pdf: a thousand pages, a page limit, a scan, damage and encryption", "[import][documents][pdf]") {
  std::vector<std::vector<Text>> pages;
  for (int k = 1; k <= 1000; ++k)
    pages.push_back({{72, 760, 11, false, "Punkt " + std::to_string(k) + " av protokollet fortsätter här."}});
  const std::string thousand = make_pdf(pages);
  const auto doc = im::read_pdf(thousand, "lang.pdf");
  CHECK(doc.pages == 1000);
  CHECK(!doc.blocks.empty());
  im::ReadLimits limits;
  limits.max_pages = 10;
  const auto cut = im::read_pdf(thousand, "lang.pdf", limits);
  CHECK(cut.pages == 10);
  REQUIRE(cut.warnings.size() == 1);
  CHECK_THAT(cut.warnings[0].message, Catch::Contains("only the first 10"));

  const auto scan = im::read_pdf(make_pdf({{}, {}}), "skannad.pdf");
  CHECK(scan.blocks.empty());
  REQUIRE(scan.warnings.size() == 1);
  CHECK_THAT(scan.warnings[0].str(), Catch::Contains("skannad.pdf") && Catch::Contains("no text on its 2 page"));
  im::register_pdf_reader();
  CHECK_THAT(io_message([&] { im::parse_file(bad / "scan.pdf"); }), Catch::Contains("scan.pdf") && Catch::Contains("no text"));
  CHECK_THAT(io_message([&] { im::parse_file(bad / "encrypted.pdf"); }), Catch::Contains("encrypted"));
  CHECK_THAT(io_message([&] { im::parse_file(bad / "damaged.pdf"); }), Catch::Contains("damaged PDF"));
  CHECK_THAT(io_message([&] { im::read_pdf(thousand.substr(0, 100), "halv.pdf"); }), Catch::Contains("halv.pdf"));
}
#else
TEST_CASE("pdf: without PDF support a PDF is a clear error", "[import][documents]") {
  CHECK_THAT(io_message([&] { im::parse_file(forms / "08_natverk_varmland.pdf"); }), Catch::Contains("no PDF support"));
}
#endif
