// A community's manager page: tabs for members (table and map), coefficients, tariffs, billing,
// imports and alerts. Each tab is its own module.
import { communityPath, get, pick } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { communityNames, setCommunityName } from '../session.js';
import { tabBar } from '../ui.js';
import { renderAlerts } from './tab_alerts.js';
import { renderBilling } from './tab_billing.js';
import { renderCoefficients } from './tab_coefficients.js';
import { renderImports } from './tab_imports.js';
import { renderMembers } from './tab_members.js';
import { renderTariffs } from './tab_tariffs.js';

const TABS = {
  members: renderMembers,
  coefficients: renderCoefficients,
  tariffs: renderTariffs,
  billing: renderBilling,
  imports: renderImports,
  alerts: renderAlerts,
};

export function renderCommunity(ctx) {
  const c = ctx.community;
  const tab = TABS[ctx.tab] ? ctx.tab : 'members';
  setCommunityName(communityNames.get(c) || c);
  get(communityPath(c))
    .then((d) => {
      if (d.name) communityNames.set(c, d.name);
      setCommunityName(pick(d, 'name') || c);
    })
    .catch(() => {});
  const tabs = Object.keys(TABS).map((id) => ({
    id,
    label: t(`tab.${id}`),
    href: `#/communities/${encodeURIComponent(c)}/${id}`,
  }));
  const page = TABS[tab]({ ...ctx, community: c });
  return {
    node: h('div', { class: 'community' }, tabBar(tabs, tab), page.node),
    destroy: page.destroy,
  };
}
