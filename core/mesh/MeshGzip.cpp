#include "core/mesh/MeshGzip.h"

#include <zlib.h>

namespace cpis {

Result<QByteArray, QString> gunzip(const QByteArray& compressed, qsizetype maxBytes)
{
    QByteArray out;
    qsizetype offset = 0;
    if (compressed.isEmpty())
        return QStringLiteral("no gzip data");
    while (offset < compressed.size()) {
        z_stream z{};
        // 16 + MAX_WBITS: gzip framing only.
        if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
            return QStringLiteral("zlib could not start");
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.constData() + offset));
        z.avail_in = uInt(compressed.size() - offset);
        int rc = Z_OK;
        char buffer[64 * 1024];
        while (rc != Z_STREAM_END) {
            z.next_out = reinterpret_cast<Bytef*>(buffer);
            z.avail_out = sizeof buffer;
            rc = inflate(&z, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                inflateEnd(&z);
                return QStringLiteral("not valid gzip data");
            }
            const qsizetype produced = qsizetype(sizeof buffer - z.avail_out);
            if (out.size() + produced > maxBytes) {
                inflateEnd(&z);
                return QStringLiteral("inflates to more than %1 bytes").arg(maxBytes);
            }
            out.append(buffer, produced);
            if (rc == Z_OK && z.avail_in == 0 && produced == 0) {
                inflateEnd(&z);
                return QStringLiteral("gzip data ends early");
            }
        }
        offset = compressed.size() - qsizetype(z.avail_in);
        inflateEnd(&z);
    }
    return out;
}

} // namespace cpis
