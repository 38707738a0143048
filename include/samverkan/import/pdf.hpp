// The PDF reader: text with its layout, through Poppler.
//
// Part of the optional target samverkan::pdf (library samverkan_pdf), built
// when libpoppler-cpp is found. Poppler is GPL-licensed: a program that
// links samverkan::pdf is distributed under GPL-compatible terms, while the
// core library (samverkan::samverkan) stays MIT. See README.md, "Licence".
#pragma once

#include <samverkan/import/document.hpp>

SAMVERKAN_BEGIN_NAMESPACE
namespace import {

/// Reads a PDF's text with its layout: words placed by their boxes into
/// lines, a gap of several spaces between words as a column break (a table's
/// cells), lines into paragraphs by their spacing, larger type and bold
/// lines as headings, running page headers and footers (a line at the top
/// or bottom of most pages, page numbers aside) left out after their first
/// showing, a paragraph or table carried on over a page break. Each line is
/// located by page and line on the page. A PDF with no text on any page (a
/// scan) gives a Document without blocks and a warning saying so.
///
/// Throws io_error naming `name` for a damaged or password-protected PDF.
Document read_pdf(std::string_view bytes, std::string name, const ReadLimits& limits = {});

/// Registers read_pdf() for FileFormat::pdf (register_reader()), so that
/// import_file() and read_document() read PDFs. Also silences Poppler's
/// messages on standard error: what it could not read becomes an error or
/// warning of the import instead.
void register_pdf_reader() noexcept;

}  // namespace import
SAMVERKAN_END_NAMESPACE
