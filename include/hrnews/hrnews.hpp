// SPDX-License-Identifier: Apache-2.0
/// @file hrnews.hpp
/// @brief Umbrella header for the core model (value types, taxonomy, classification,
/// relations, text extraction, errors, options).
///
/// Format adapters have their own headers: `hrnews/json.hpp`, `hrnews/jsonl.hpp`,
/// `hrnews/io.hpp`, and the opt-in `hrnews/nlohmann.hpp`.
#pragma once

#include <hrnews/article.hpp>
#include <hrnews/attachment.hpp>
#include <hrnews/builtin.hpp>
#include <hrnews/campaign.hpp>
#include <hrnews/case_reference.hpp>
#include <hrnews/category.hpp>
#include <hrnews/classify.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/enum.hpp>
#include <hrnews/error.hpp>
#include <hrnews/extensions.hpp>
#include <hrnews/extract.hpp>
#include <hrnews/geo.hpp>
#include <hrnews/intervention.hpp>
#include <hrnews/language.hpp>
#include <hrnews/link.hpp>
#include <hrnews/options.hpp>
#include <hrnews/person.hpp>
#include <hrnews/relate.hpp>
#include <hrnews/stats.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/text.hpp>
#include <hrnews/timestamp.hpp>
#include <hrnews/version.hpp>
