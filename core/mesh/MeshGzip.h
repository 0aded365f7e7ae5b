#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>

namespace cpis {

// MESH's compressed content (Mex-Content-Compressed: Y) is gzip; a chunked message's chunks are
// compressed one by one, so the whole is one or more gzip members end to end. Inflated with a
// cap on the output: a small body that would inflate past maxBytes is refused, not expanded.
Result<QByteArray, QString> gunzip(const QByteArray& compressed, qsizetype maxBytes);

} // namespace cpis
