#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace cpis::ui {

MainWindow::MainWindow(Environment env, QWidget* parent)
    : QMainWindow(parent), m_env(std::move(env))
{
    setWindowTitle(tr("CP-IS Desk"));
    setObjectName(QStringLiteral("mainWindow"));
    resize(960, 640);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    m_trainingMarker = new QLabel(tr("TRAINING: synthetic data"), central);
    m_trainingMarker->setObjectName(QStringLiteral("trainingMarker"));
    m_trainingMarker->setAccessibleName(tr("Training mode: all data is synthetic"));
    // Black on amber: 10.6:1 contrast, and the words carry the meaning without the colour.
    m_trainingMarker->setStyleSheet(QStringLiteral(
        "QLabel { background: #ffb81c; color: #000000; font-weight: bold; padding: 6px; }"));
    m_trainingMarker->setAlignment(Qt::AlignCenter);
    m_trainingMarker->setVisible(m_env.training);
    layout->addWidget(m_trainingMarker);

    auto* placeholder = new QLabel(
        tr("CP-IS Desk\n\nConnected to %1").arg(m_env.serviceUrl.toDisplayString()), central);
    placeholder->setObjectName(QStringLiteral("serviceLabel"));
    placeholder->setAccessibleName(tr("Service address"));
    placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(placeholder, 1);

    setCentralWidget(central);
    statusBar()->showMessage(m_env.training ? tr("Training mode") : tr("Live service"));
}

} // namespace cpis::ui
