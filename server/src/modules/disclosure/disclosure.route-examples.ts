// Example requests of the disclosure routes for the authorisation matrix (test/route-examples.ts).
// Demo publications have fixed ids (disclosure.demo.ts), so the examples name them directly.
import type { DemoIds } from '../../demo/demo.org.ts';
import type { RouteExample } from '../../test/route-examples.ts';
import {
  DEMO_CATALOGUE_CHANGES,
  DEMO_INSPECTIONS,
  DEMO_PUBLICATIONS as D,
} from './disclosure.demo.ts';

const correction = { facts: '经核实，更正后的主要事实。', reason: '文字录入错误' };
const withdrawal = { reason: '经行政复议，该决定被撤销', revokedOn: '2026-11-16' };

export const DISCLOSURE_ROUTE_EXAMPLES: Record<string, RouteExample> = {
  // Public
  'GET /api/public/decisions': { own: () => ({ url: '/api/public/decisions?q=食品&pageSize=5' }) },
  'GET /api/public/decisions/:id': {
    own: () => ({ url: `/api/public/decisions/${D.marketCompany}` }),
  },
  'GET /api/public/decisions/:id/record': {
    own: () => ({ url: `/api/public/decisions/${D.marketCompany}/record` }),
  },
  'GET /api/public/agencies': { own: () => ({ url: '/api/public/agencies' }) },
  'GET /api/public/officers': { own: () => ({ url: '/api/public/officers?q=王' }) },
  'GET /api/public/powers': {
    own: (ids: DemoIds) => ({ url: `/api/public/powers?agency=${ids.agencies.market}` }),
  },
  'GET /api/public/random-check-items': {
    own: (ids: DemoIds) => ({
      url: `/api/public/random-check-items?agency=${ids.agencies.market}`,
    }),
  },
  'GET /api/public/service-guides': {
    own: (ids: DemoIds) => ({ url: `/api/public/service-guides?agency=${ids.agencies.market}` }),
  },
  'GET /api/public/credentials/:credentialNo': {
    own: () => ({ url: '/api/public/credentials/37040320001' }),
  },
  'POST /api/public/correction-requests': {
    own: () => ({
      url: '/api/public/correction-requests',
      payload: {
        decisionId: D.marketCompany,
        name: '刘某',
        contact: 'liu@example.com',
        content: '公示的违法所得金额有误。',
      },
    }),
  },
  'GET /api/public/correction-requests/:id': {
    own: () => ({ url: '/api/public/correction-requests/GZ20261119-ABCDEFGH' }),
  },
  'GET /api/public/reports/annual': {
    own: () => ({ url: '/api/public/reports/annual?year=2025' }),
  },

  'GET /api/public/inspections/:code': {
    own: () => ({ url: `/api/public/inspections/${DEMO_INSPECTIONS.marketCode}` }),
  },

  // Staff
  'GET /api/disclosure/credentials/:credentialNo/qr': {
    own: () => ({ url: '/api/disclosure/credentials/37040320001/qr' }),
  },
  'POST /api/agencies/:agencyId/disclosure/catalogue-changes': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/disclosure/catalogue-changes`,
      payload: { subject: 'officer', description: '执法证件换发', changedOn: '2026-11-16' },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/disclosure/catalogue-changes`,
      payload: { subject: 'officer', description: '执法证件换发', changedOn: '2026-11-16' },
    }),
  },
  'GET /api/agencies/:agencyId/disclosure/catalogue-changes': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/disclosure/catalogue-changes` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/disclosure/catalogue-changes` }),
  },
  'POST /api/disclosure/catalogue-changes/:id/published': {
    own: () => ({
      url: `/api/disclosure/catalogue-changes/${DEMO_CATALOGUE_CHANGES.market}/published`,
    }),
    other: () => ({
      url: `/api/disclosure/catalogue-changes/${DEMO_CATALOGUE_CHANGES.urban}/published`,
    }),
  },
  'POST /api/disclosure/inspections/:caseId/code': {
    own: () => ({ url: `/api/disclosure/inspections/${DEMO_INSPECTIONS.marketCase}/code` }),
    other: () => ({ url: `/api/disclosure/inspections/${DEMO_INSPECTIONS.urbanCase}/code` }),
  },
  'GET /api/agencies/:agencyId/disclosure/queue': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/disclosure/queue` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/disclosure/queue` }),
  },
  'POST /api/disclosure/queue/:id/publish': {
    own: () => ({ url: `/api/disclosure/queue/${D.marketCompany}/publish`, payload: {} }),
    other: () => ({ url: `/api/disclosure/queue/${D.urbanPending}/publish`, payload: {} }),
  },
  'PUT /api/agencies/:agencyId/disclosure/settings': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/disclosure/settings`,
      payload: { requiresSignoff: false },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/disclosure/settings`,
      payload: { requiresSignoff: true },
    }),
  },
  'GET /api/disclosure/overdue': { own: () => ({ url: '/api/disclosure/overdue' }) },
  'POST /api/disclosure/decisions/:id/correction': {
    own: () => ({
      url: `/api/disclosure/decisions/${D.marketCompany}/correction`,
      payload: correction,
    }),
    other: () => ({
      url: `/api/disclosure/decisions/${D.urbanPublished}/correction`,
      payload: correction,
    }),
  },
  'POST /api/disclosure/decisions/:id/withdrawal': {
    own: () => ({
      url: `/api/disclosure/decisions/${D.marketWithdrawn}/withdrawal`,
      payload: withdrawal,
    }),
    other: () => ({
      url: `/api/disclosure/decisions/${D.urbanPublished}/withdrawal`,
      payload: withdrawal,
    }),
  },
  'POST /api/disclosure/decisions/:id/end-display': {
    own: () => ({
      url: `/api/disclosure/decisions/${D.marketRestaurant}/end-display`,
      payload: { reason: '已完成信用修复' },
    }),
    other: () => ({
      url: `/api/disclosure/decisions/${D.urbanPublished}/end-display`,
      payload: { reason: '已完成信用修复' },
    }),
  },
  'GET /api/agencies/:agencyId/correction-requests': {
    own: (ids) => ({ url: `/api/agencies/${ids.agencies.market}/correction-requests` }),
    other: (ids) => ({ url: `/api/agencies/${ids.agencies.urban}/correction-requests` }),
  },
  'POST /api/correction-requests/:id/answer': {
    own: () => ({
      url: `/api/correction-requests/${D.marketCorrectionRequest}/answer`,
      payload: { outcome: 'rejected', answer: '经核实，公示内容无误。' },
    }),
    other: () => ({
      url: `/api/correction-requests/${D.urbanCorrectionRequest}/answer`,
      payload: { outcome: 'rejected', answer: '经核实，公示内容无误。' },
    }),
  },
  'POST /api/agencies/:agencyId/annual-reports': {
    own: (ids) => ({
      url: `/api/agencies/${ids.agencies.market}/annual-reports`,
      payload: { year: 2025 },
    }),
    other: (ids) => ({
      url: `/api/agencies/${ids.agencies.urban}/annual-reports`,
      payload: { year: 2025 },
    }),
  },
};
