#pragma once

#include "core/spine/SpineXmlTree.h"

#include <QString>

#include <initializer_list>
#include <optional>

// The structural rules every part of a CP-IS answer is held to: where an element is, which
// children it may have, that it is in the HL7 namespace, and that a child is there exactly once.
// Each returns the first problem found as text, or nothing.
namespace cpis::spine {

QString where(const SpineXmlElement& e);
// Every child must be one of `allowed` (in HL7's namespace; contentId in NPfIT's): an element
// the reader does not know could carry what it would otherwise drop.
std::optional<QString> onlyChildren(const SpineXmlElement& e,
                                    std::initializer_list<const char*> allowed);
// The body's content must be HL7 (and the NPfIT localisation's contentId).
std::optional<QString> namespacesChecked(const SpineXmlElement& e);
// A wrapper holding its contentId and one HL7 template element that is none of `known`
// (CP-IS has added a template since this desk was built): that element's name, else nothing.
std::optional<QString> unknownTemplate(const SpineXmlElement& wrapper,
                                       std::initializer_list<const char*> known);
// The one child called `name`, or null with `problem` saying none or several.
const SpineXmlElement* child(const SpineXmlElement& e, const char* name, QString& problem);

} // namespace cpis::spine
