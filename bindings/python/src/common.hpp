// SPDX-License-Identifier: Apache-2.0
// Shared machinery of the _hrnews extension: the `Record` helper that binds a
// plain C++ struct as a Python class with snake_case attributes, a keyword
// (and positional) constructor, a constructor-like __repr__, ==, copy,
// deepcopy and pickling; enum binding; item conversions.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <nlohmann/json.hpp>

#include <hrnews/collection.hpp>
#include <hrnews/nlohmann.hpp>

namespace hrnews::python {

namespace py = pybind11;

/// Lists longer than this are shortened in __repr__ (first items, then a count).
inline constexpr std::size_t repr_list_limit = 8;

/// repr() of a value, with long lists shortened to `[a, b, c, ...+N]`.
std::string short_repr(const py::handle& value);

/// One attribute of a record: its name, and how to read and write it on a C++ object.
template <class T>
struct FieldSpec {
  std::string name;
  std::function<py::object(const T&)> get;
  std::function<void(T&, py::handle)> set;
};

/// How a record pickles: as canonical JSON (model types) or as a tuple of its fields.
enum class PickleVia { json, fields, custom };

/// The field list of a bound record, kept so that derived records (Intervention) can reuse it.
template <class T>
using FieldList = std::shared_ptr<std::vector<FieldSpec<T>>>;

/// Binds a struct `T` field by field; `finish()` adds the generic protocol.
template <class T, class... Options>
class Record {
 public:
  Record(py::handle scope, const char* name, const char* doc)
      : cls_(scope, name, doc), fields_(std::make_shared<std::vector<FieldSpec<T>>>()) {}

  /// Starts from the fields of a base record (their getters and setters adapted to `T`).
  template <class Base>
  Record& inherit(const FieldList<Base>& base) {
    for (const auto& f : *base) {
      fields_->push_back({f.name, [g = f.get](const T& t) { return g(static_cast<const Base&>(t)); },
                          [s = f.set](T& t, py::handle v) { s(static_cast<Base&>(t), v); }});
    }
    return *this;
  }

  /// A data member, read and written as a Python attribute.
  template <class M>
  Record& field(const char* name, M T::*member, const char* doc) {
    cls_.def_readwrite(name, member, doc);
    fields_->push_back({name, [member](const T& t) { return py::cast(t.*member); },
                        [member](T& t, py::handle v) { t.*member = v.cast<M>(); }});
    return *this;
  }

  /// A member of a base class, bound on `T` (pybind11 cannot take `M Base::*` as `M T::*`).
  template <class M, class Base>
  Record& base_field(const char* name, M Base::*member, const char* doc) {
    static_assert(std::is_base_of_v<Base, T>);
    cls_.def_property(
        name, [member](const T& t) -> const M& { return t.*member; },
        [member](T& t, const M& v) { t.*member = v; }, py::return_value_policy::reference_internal, doc);
    fields_->push_back({name, [member](const T& t) { return py::cast(t.*member); },
                        [member](T& t, py::handle v) { t.*member = v.cast<M>(); }});
    return *this;
  }

  /// A computed attribute that still takes part in the constructor, repr, == and pickling.
  Record& property(const char* name, std::function<py::object(const T&)> get,
                   std::function<void(T&, py::handle)> set, const char* doc) {
    cls_.def_property(
        name, [get](const T& t) { return get(t); }, [set](T& t, py::object v) { set(t, v); }, doc);
    fields_->push_back({name, std::move(get), std::move(set)});
    return *this;
  }

  /// Adds __init__(*args, **kwargs), __repr__, __eq__, __ne__, __copy__, __deepcopy__ and pickling.
  template <PickleVia via>
  Record& finish() {
    auto fields = fields_;
    cls_.def(py::init([fields](const py::args& args, const py::kwargs& kwargs) {
               auto t = std::make_unique<T>();
               assign(*t, *fields, args, kwargs);
               return t;
             }),
             "Creates the object; every attribute may be given by keyword (or, in declaration order, by position).");
    cls_.def("__repr__", [fields](const py::object& self) {
      const T& t = self.cast<const T&>();
      static const T empty{};
      std::string out = py::str(py::type::of(self).attr("__name__"));
      out += '(';
      bool first = true;
      for (const auto& f : *fields) {
        py::object value = f.get(t);
        if (value.equal(f.get(empty))) continue;
        if (!first) out += ", ";
        first = false;
        out += f.name;
        out += '=';
        out += short_repr(value);
      }
      out += ')';
      return out;
    });
    cls_.def(
        "__eq__",
        [](const py::object& a, const py::object& b) -> py::object {
          if (!py::type::of(a).is(py::type::of(b))) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
          return py::bool_(a.cast<const T&>() == b.cast<const T&>());
        },
        py::is_operator());
    cls_.def(
        "__ne__",
        [](const py::object& a, const py::object& b) -> py::object {
          if (!py::type::of(a).is(py::type::of(b))) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
          return py::bool_(!(a.cast<const T&>() == b.cast<const T&>()));
        },
        py::is_operator());
    cls_.attr("__hash__") = py::none();
    cls_.def("__copy__", [](const T& t) { return T(t); });
    cls_.def("__deepcopy__", [](const T& t, const py::dict&) { return T(t); }, py::arg("memo"));
    if constexpr (via == PickleVia::json) {
      cls_.def(py::pickle(
          [](const T& t) {
            nlohmann::ordered_json j = t;
            return py::make_tuple(py::bytes(j.dump()));
          },
          [](const py::tuple& state) {
            const std::string text = state[0].cast<std::string>();
            return nlohmann::json::parse(text).get<T>();
          }));
    } else if constexpr (via == PickleVia::fields) {
      cls_.def(py::pickle(
          [fields](const T& t) {
            py::tuple out(fields->size());
            for (std::size_t i = 0; i < fields->size(); ++i) out[i] = (*fields)[i].get(t);
            return out;
          },
          [fields](const py::tuple& state) {
            T t;
            assign(t, *fields, state, py::dict());
            return t;
          }));
    }
    cls_.attr("__match_args__") = match_args();
    return *this;
  }

  /// The Python class, for further methods.
  py::class_<T, Options...>& cls() { return cls_; }
  /// The fields, for derived records.
  const FieldList<T>& fields() const { return fields_; }

 private:
  py::tuple match_args() const {
    py::tuple out(fields_->size());
    for (std::size_t i = 0; i < fields_->size(); ++i) out[i] = py::str((*fields_)[i].name);
    return out;
  }

  static void assign(T& t, const std::vector<FieldSpec<T>>& fields, const py::tuple& args,
                     const py::dict& kwargs) {
    if (args.size() > fields.size()) {
      throw py::type_error("takes at most " + std::to_string(fields.size()) + " positional arguments (" +
                           std::to_string(args.size()) + " given)");
    }
    std::vector<bool> given(fields.size(), false);
    for (std::size_t i = 0; i < args.size(); ++i) {
      set_field(t, fields[i], args[i]);
      given[i] = true;
    }
    for (const auto& item : kwargs) {
      const std::string key = py::str(item.first);
      std::size_t i = 0;
      while (i < fields.size() && fields[i].name != key) ++i;
      if (i == fields.size()) throw py::type_error("unexpected keyword argument '" + key + "'");
      if (given[i]) throw py::type_error("got multiple values for argument '" + key + "'");
      set_field(t, fields[i], item.second);
      given[i] = true;
    }
  }

  static void set_field(T& t, const FieldSpec<T>& f, py::handle value) {
    try {
      f.set(t, value);
    } catch (const py::cast_error&) {
      throw py::type_error("'" + f.name + "': cannot use a value of type " +
                           std::string(py::str(py::type::of(value).attr("__name__"))));
    }
  }

  py::class_<T, Options...> cls_;
  FieldList<T> fields_;
};

/// Binds an enumeration whose values have canonical spellings (`to_string`):
/// `str(e)` gives the spelling, `repr(e)` `Type.name`, and a string is accepted
/// wherever the enum is (`"urgent-appeal"` for `InterventionType.urgent_appeal`).
template <class E>
py::enum_<E> bind_enum(py::handle scope, const char* name, const char* doc,
                       std::initializer_list<std::pair<const char*, E>> values) {
  py::enum_<E> e(scope, name, doc);
  for (const auto& [n, v] : values) e.value(n, v);
  e.def(py::init([](const std::string& text) {
          const auto v = from_string<E>(text);
          if (!v) throw py::value_error("unknown value \"" + text + "\"");
          return *v;
        }),
        py::arg("spelling"));
  py::setattr(e, "__str__",
              py::cpp_function([](E v) { return std::string(to_string(v)); }, py::name("__str__"),
                               py::is_method(e)));
  py::setattr(e, "__repr__", py::cpp_function(
                                 [](const py::object& self) {
                                   return std::string(py::str(py::type::of(self).attr("__name__"))) + "." +
                                          std::string(py::str(self.attr("name")));
                                 },
                                 py::name("__repr__"), py::is_method(e)));
  e.def_property_readonly("spelling", [](E v) { return std::string(to_string(v)); },
                          "The canonical spelling, as in the canonical JSON (`urgent-appeal`).");
  py::implicitly_convertible<py::str, E>();
  return e;
}

/// An item as a Python object: an `Article` or an `Intervention`.
py::object item_to_python(const Item& item);
/// A Python `Article` or `Intervention` as an item.
/// @throws TypeError for anything else
Item item_from_python(py::handle value);

/// Binders, one per area (model.cpp, taxonomy.cpp, io.cpp).
void bind_model(py::module_& m);
void bind_taxonomy(py::module_& m);
void bind_io(py::module_& m);
void bind_errors(py::module_& m);

}  // namespace hrnews::python
