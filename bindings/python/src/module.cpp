// SPDX-License-Identifier: Apache-2.0
// The hrnews._hrnews extension module: errors, then one binder per area.
// The public Python API is the pure-Python package `hrnews`, which re-exports
// what is here and adds `parse`.

#include <cerrno>
#include <stdexcept>
#include <string>
#include <system_error>

#include <hrnews/error.hpp>
#include <hrnews/version.hpp>

#include "common.hpp"

namespace hrnews::python {

void bind_errors(py::module_& m) {
  py::dict defaults;
  defaults["line"] = py::none();
  defaults["column"] = py::none();
  defaults["offset"] = py::none();
  defaults["path"] = py::str("");
  defaults["file"] = py::str("");
  defaults["format"] = py::str("");
  defaults["message"] = py::str("");
  PyObject* type = PyErr_NewExceptionWithDoc(
      "hrnews.ParseError",
      "The input could not be read. A ValueError whose text reads like a compiler message\n"
      "(`feed.xml:12:7: rss: ...`), with the parts as attributes: line, column, offset (None\n"
      "when unknown), path (`/items/3/published`), file, format and message.",
      PyExc_ValueError, defaults.ptr());
  if (!type) throw py::error_already_set();
  // Owned by the module for the life of the interpreter.
  m.attr("ParseError") = py::reinterpret_steal<py::object>(type);
  static PyObject* parse_error_type = type;

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ParseError& e) {
      py::object exc = py::reinterpret_borrow<py::object>(parse_error_type)(e.what());
      exc.attr("line") = e.line() ? py::object(py::int_(e.line())) : py::object(py::none());
      exc.attr("column") = e.column() ? py::object(py::int_(e.column())) : py::object(py::none());
      exc.attr("offset") = e.offset() ? py::object(py::int_(*e.offset())) : py::object(py::none());
      exc.attr("path") = py::str(e.path());
      exc.attr("file") = py::str(e.file());
      exc.attr("format") = py::str(e.format());
      exc.attr("message") = py::str(e.message());
      PyErr_SetObject(parse_error_type, exc.ptr());
    } catch (const std::system_error& e) {
      // OSError(errno, text) picks the subclass (FileNotFoundError, IsADirectoryError…).
      py::object exc = py::reinterpret_borrow<py::object>(PyExc_OSError)(e.code().value(), e.what());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    }
  });
}

}  // namespace hrnews::python

PYBIND11_MODULE(_hrnews, m) {
  namespace hp = hrnews::python;
  m.doc() = "hrnews C++ core (private; use the `hrnews` package).";
  m.attr("__version__") = HRNEWS_VERSION_STRING;
  m.attr("FORMAT_VERSION") = hrnews::format_version;
  m.def("library_version", &hrnews::version, "The version of the C++ library the module was built with.");
  hp::bind_errors(m);
  hp::bind_model(m);
  hp::bind_taxonomy(m);
  hp::bind_io(m);
}
