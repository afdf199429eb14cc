// SPDX-License-Identifier: Apache-2.0
// Bindings of the taxonomy and classification helpers (taxonomy.hpp,
// builtin.hpp, classify.hpp, language.hpp): Term, Scheme, Taxonomy, the
// built-in schemes, label matching and language identification.

#include <string>
#include <vector>

#include <hrnews/builtin.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/json.hpp>
#include <hrnews/language.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/url.hpp>

#include "common.hpp"

namespace hrnews::python {
namespace {

py::object term_or_none(const Term* t) { return t ? py::cast(*t) : py::object(py::none()); }

std::string schemes_repr(const std::vector<Scheme>& schemes) {
  std::string out = "Taxonomy([";
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    if (i) out += ", ";
    if (schemes.size() > 3 && i == 2) {
      out += "...+" + std::to_string(schemes.size() - 2);
      break;
    }
    out += py::repr(py::cast(schemes[i]));
  }
  return out + "])";
}

}  // namespace

void bind_taxonomy(py::module_& m) {
  bind_enum<MappingKind>(m, "MappingKind", "A SKOS mapping relation.",
                         {{"exact", MappingKind::exact},
                          {"close", MappingKind::close},
                          {"broad", MappingKind::broad},
                          {"narrow", MappingKind::narrow},
                          {"related", MappingKind::related}});
  Record<Mapping> mapping(m, "Mapping", "One mapping of a term to an outside concept.");
  mapping.field("kind", &Mapping::kind, "How close the concepts are.")
      .field("uri", &Mapping::uri, "The outside concept.")
      .finish<PickleVia::json>();

  Record<Term> term(m, "Term", "A concept of a scheme: code, labels in several languages, relations.");
  term.field("code", &Term::code, "Unique within the scheme.")
      .field("uri", &Term::uri, "Global identifier.")
      .field("labels", &Term::labels, "Preferred label per language.")
      .field("alt_labels", &Term::alt_labels, "Alternative labels per language.")
      .field("definition", &Term::definition, "Definition per language.")
      .field("broader", &Term::broader, "Codes of broader terms.")
      .field("mappings", &Term::mappings, "Mappings to other vocabularies.")
      .field("deprecated", &Term::deprecated, "Kept for old data, not to be assigned.")
      .finish<PickleVia::json>();
  term.cls().def(
      "label",
      [](const Term& t, const std::string& lang) {
        for (const std::string& l : {lang, std::string("en")}) {
          const auto it = t.labels.find(l);
          if (it != t.labels.end()) return it->second;
        }
        return t.labels.empty() ? t.code : t.labels.begin()->second;
      },
      py::arg("lang") = "en", "The label in `lang`, else English, else any, else the code.");
  term.cls().def("__str__", [](const Term& t) {
    const auto it = t.labels.find("en");
    return it == t.labels.end() ? t.code : t.code + ": " + it->second;
  });

  Record<Scheme> scheme(m, "Scheme", "A vocabulary: `theme`, `genre`, `country`, … or a user's own.");
  scheme.field("id", &Scheme::id, "Short id used in TermRef.scheme.")
      .field("uri", &Scheme::uri, "Global identifier.")
      .field("title", &Scheme::title, "Title per language.")
      .field("terms", &Scheme::terms, "The concepts.")
      .finish<PickleVia::json>();
  scheme.cls().def("__str__", [](const Scheme& s) { return s.id + " (" + std::to_string(s.terms.size()) + " terms)"; });
  scheme.cls().def("__len__", [](const Scheme& s) { return s.terms.size(); });
  scheme.cls().def(
      "to_json", [](const Scheme& s) { return write_scheme_json(s); }, "The scheme as JSON (the `schemes[]` shape).");
  scheme.cls().def_static(
      "from_json", [](const std::string& json) { return read_scheme_json(json); }, py::arg("json"),
      "Reads a scheme from JSON (ParseError when malformed).");

  py::class_<Taxonomy> tax(m, "Taxonomy",
                           "An immutable set of schemes with lookup by code and by label (case-, accent- and\n"
                           "whitespace-insensitive, in every language the schemes carry).");
  tax.def(py::init([](std::vector<Scheme> schemes) { return Taxonomy(std::move(schemes)); }),
          py::arg("schemes") = std::vector<Scheme>{},
          "Builds the indexes (ValueError when two schemes share an id or a scheme repeats a code).");
  tax.def_property_readonly("schemes", &Taxonomy::schemes, "All schemes, in order (a copy).");
  tax.def(
      "__getitem__",
      [](const Taxonomy& t, const std::string& id) {
        const Scheme* s = t.find_scheme(id);
        if (!s) throw py::key_error(id);
        return *s;
      },
      py::arg("scheme"), "The scheme with this id (KeyError when there is none).");
  tax.def("__contains__", [](const Taxonomy& t, const std::string& id) { return t.find_scheme(id) != nullptr; });
  tax.def("__len__", [](const Taxonomy& t) { return t.schemes().size(); });
  tax.def(
      "find", [](const Taxonomy& t, const std::string& s, const std::string& code) { return term_or_none(t.find(s, code)); },
      py::arg("scheme"), py::arg("code"), "The term with this code in this scheme, or None.");
  tax.def(
      "term",
      [](const Taxonomy& t, const TermRef& ref) {
        const Term* term = t.find(ref);
        if (!term) throw py::key_error(ref.scheme + ":" + ref.code);
        return *term;
      },
      py::arg("ref"), "The term referred to (KeyError when unknown).");
  tax.def(
      "match",
      [](const Taxonomy& t, const std::string& s, const std::string& label) { return term_or_none(t.match(s, label)); },
      py::arg("scheme"), py::arg("label"), "The term of `scheme` whose code or label matches `label`, or None.");
  tax.def("match_all", &Taxonomy::match_all, py::arg("label"),
          "Every term, in any scheme, whose code or label matches `label`.");
  tax.def("label", &Taxonomy::label, py::arg("ref"), py::arg("lang") = "en",
          "The label of a term in `lang` (falling back to English, any, the code).");
  tax.def(
      "extend", [](const Taxonomy& t, std::vector<Scheme> schemes) { return extend(t, std::move(schemes)); },
      py::arg("schemes"), "A new taxonomy with `schemes` merged in (same id) or appended.");
  tax.def("__eq__", [](const Taxonomy& a, const Taxonomy& b) { return a.schemes() == b.schemes(); }, py::is_operator());
  tax.def("__ne__", [](const Taxonomy& a, const Taxonomy& b) { return a.schemes() != b.schemes(); }, py::is_operator());
  tax.attr("__hash__") = py::none();
  tax.def("__repr__", [](const Taxonomy& t) { return schemes_repr(t.schemes()); });
  tax.def("__str__", [](const Taxonomy& t) {
    std::string out = "Taxonomy:";
    for (const auto& s : t.schemes()) out += " " + s.id + " (" + std::to_string(s.terms.size()) + ")";
    return out;
  });
  tax.def("__copy__", [](const Taxonomy& t) { return t; });
  tax.def("__deepcopy__", [](const Taxonomy& t, const py::dict&) { return t; }, py::arg("memo"));
  tax.def(py::pickle([](const Taxonomy& t) { return py::make_tuple(t.schemes()); },
                     [](const py::tuple& s) { return Taxonomy(s[0].cast<std::vector<Scheme>>()); }));

  m.def("builtin_taxonomy", &builtin_taxonomy, py::return_value_policy::copy,
        "The built-in taxonomy: theme, genre, country, region, mechanism, violation.");
  m.def("builtin_scheme_ids", &builtin_scheme_ids, "Ids of the built-in schemes.");
  m.def("normalize_label", &normalize_label, py::arg("label"), "The folded form used to match labels.");
  m.def(
      "classify_label",
      [](const std::string& label, const std::optional<Taxonomy>& taxonomy) {
        return (taxonomy ? *taxonomy : builtin_taxonomy()).match_all(label);
      },
      py::arg("label"), py::arg("taxonomy") = py::none(),
      "Every term (as TermRef) whose code or label matches `label`, in the built-in taxonomy by default.");
  m.def("country_alpha3", &country_alpha3, py::arg("alpha2"), "`AZ` → `AZE`, or None.");
  m.def("country_from_alpha3", &country_from_alpha3, py::arg("alpha3"), "`TUR` → `TR`, or None.");
  m.def("find_case_references", &find_case_references, py::arg("text"),
        "Every Observatory, Amnesty UA and index reference in `text`, in order.");
  m.def("resolve_url", &resolve_url, py::arg("base"), py::arg("reference"), "RFC 3986 reference resolution.");

  Record<LanguageGuess> guess(m, "LanguageGuess", "The most likely language of a text and how sure the guess is.");
  guess.field("language", &LanguageGuess::language, "BCP 47 primary tag, or ''.")
      .field("confidence", &LanguageGuess::confidence, "0 to 1.")
      .finish<PickleVia::fields>();
  m.def("identify_language", &identify_language, py::arg("text"), "Guesses the language of a short text.");
}

}  // namespace hrnews::python
