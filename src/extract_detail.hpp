// SPDX-License-Identifier: Apache-2.0
// Internal: the cheap test that comes before the reading of an appeal's
// sections (see parse_intervention_text), for classification's call site.
#pragma once

#include <string_view>

namespace hrnews::detail {

/// True when a line or element of `text` (its start, or after a newline or a
/// `>`), after spaces, tabs and `*`, `#`, `_`, starts with the first word of a
/// heading of an appeal: `actions`, `action`, `acciones`, `accion`,
/// `addresses`, `adresses`, `direcciones`, `please`, `brief`, `description`,
/// `descripcion`, `rappel`, `breve` (ASCII letters, any case, 2 to 15 of them,
/// not followed by another), or `acci`, `descripci`, `br` followed by a byte
/// of a non-ASCII code point (`acción`, `descripción`, `brève`). When false,
/// `parse_intervention_text` finds nothing and `apply_intervention_text`
/// changes nothing.
bool may_have_headings(std::string_view text) noexcept;

}  // namespace hrnews::detail
