#pragma once

#include <QMainWindow>
#include <QUrl>

class QLabel;

namespace cpis::ui {

// The desk's main window. Until the triage screen lands it shows which service the
// desk talks to, and the training marker whenever that service is the sandbox.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Environment
    {
        QUrl serviceUrl;
        bool training = false;
    };

    explicit MainWindow(Environment env, QWidget* parent = nullptr);

    QLabel* trainingMarker() const { return m_trainingMarker; }

private:
    Environment m_env;
    QLabel* m_trainingMarker = nullptr;
};

} // namespace cpis::ui
