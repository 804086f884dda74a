-- Cases of a burst posted together share one Slack message: re-rendering it finds them by its ts.
-- CreateIndex
CREATE INDEX "Case_slackTs_idx" ON "Case"("slackTs");
