#pragma once
// One desk per user session: the first cpis-desk listens on a local socket of the user's own;
// a later `cpis-desk --nhs-number N` or `cpis-desk cpis:N` (an ED or PAS system launching the
// desk for the patient in front of the nurse) hands the number to it and exits, and a later
// plain `cpis-desk` asks it to come to the front. Widgets-free.
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace cpis::desk {

class DeskInstance : public QObject
{
    Q_OBJECT
public:
    // What a launching program asked for.
    struct Request
    {
        NhsNumber nhs; // null: only come to the front
    };
    // How the running desk answered a hand-over.
    struct Reply
    {
        QStringList lines; // "accepted", then what the desk made of it, e.g. "banner-shown"
    };

    // The socket this user's desk listens on: in XDG_RUNTIME_DIR (the user's own, mode 0700)
    // when there is one, else in the temporary folder under the user's id. `path` overrides
    // it (tests).
    explicit DeskInstance(QString path = {}, QObject* parent = nullptr);
    ~DeskInstance() override;
    static QString defaultPath();

    // The number a command line names, through `--nhs-number N` or a `cpis:` URL (`cpis:N`,
    // `cpis://N`, `cpis:?nhs-number=N`); nothing when it names none; an error when what it
    // names is not a valid NHS number.
    static Result<std::optional<NhsNumber>, QString> numberFrom(const QStringList& arguments);

    // Client side, before any window: hands `request` to the user's running desk and waits up
    // to `waitMs` for what it made of it. An error when no desk of this user listens (or the
    // socket is not this user's, which is refused, never used).
    Result<Reply, QString> handOver(const Request& request, int waitMs) const;

    // Server side: listens, taking over a stale socket of this user's. False (and `error`)
    // when it cannot: the desk then runs alone, without taking hand-overs.
    bool listen(QString* error = nullptr);
    bool isListening() const;

    // Runs for each hand-over from a program of this user's, after "accepted" went back;
    // `answer` sends the last line (what the desk made of it, e.g. "banner-shown") and closes
    // the connection. Call it once, now or later; unanswered, the connection closes after
    // kAnswerWithinMs.
    using Answer = std::function<void(const QByteArray& line)>;
    using Handler = std::function<void(const Request&, Answer answer)>;
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    static constexpr int kMaxLineBytes = 128; // a request is one short line
    static constexpr int kAnswerWithinMs = 30000;

private:
    void onConnection();
    void onLine(QLocalSocket* socket);
    static bool ownedByThisUser(const QString& path);

    QString m_path;
    QLocalServer* m_server = nullptr;
    Handler m_handler;
};

} // namespace cpis::desk
