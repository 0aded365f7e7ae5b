#pragma once

#include "core/domain/Result.h"

#include <QFile>
#include <QString>

namespace cpis {

// A file the desk writes for someone to take away (an audit export, an area list): readable by
// its owner only (0600), never written through a symbolic link, and never put in place of an
// existing file unless the caller says the user asked for that. The content goes to a private
// temporary file beside the target and appears at the target only when complete (commit), so
// a failed export leaves nothing behind and a replaced file is swapped whole.
class ExportFile
{
public:
    enum class Existing
    {
        Refuse,  // the target exists (as anything, a symbolic link included): refuse
        Replace, // the user confirmed: replace a regular file; still never a symbolic link
    };
    struct Error
    {
        enum class Code
        {
            Exists,     // there is already something at the target
            NotRegular, // the target is a symbolic link or not a regular file
            Io,         // the folder or the disk refused
        };
        Code code = Code::Io;
        QString message; // names the file, never its content
    };
    using Status = cpis::Status<Error>;

    explicit ExportFile(QString path, Existing existing = Existing::Refuse);
    ~ExportFile(); // an uncommitted export is removed
    ExportFile(const ExportFile&) = delete;
    ExportFile& operator=(const ExportFile&) = delete;

    // Checks the target and creates the temporary file; device() is writable after this.
    Status open();
    QIODevice& device() { return m_file; }
    // Flushes to disk and moves the file into place, under the same rules as open().
    Status commit();
    // Throws the written content away.
    void discard();

private:
    Status checkTarget() const;
    Error ioError(const QString& what) const;

    QString m_path;
    Existing m_existing;
    QByteArray m_tempPath;
    QFile m_file;
};

} // namespace cpis
