import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import './allocation.css';
import { CriteriaPage } from './pages/CriteriaPage';
import { DecisionPage } from './pages/DecisionPage';
import { OfferPage } from './pages/OfferPage';
import { SettingsPage } from './pages/SettingsPage';
import { WorkbenchPage } from './pages/WorkbenchPage';

// Allocation (tildeling, issue 6): /tildeling (the workbench), /tildeling/kriterier (criteria
// versions), /tildeling/innstillinger (refusal reasons, answer days, appeal instance),
// /tildeling/tilbud/:id (an offer) and /tildeling/vedtak/:id (an allocation decision). Reading
// needs read:allocation; the pages hide their write actions from readers without
// write:allocation (the server refuses them anyway).
const read = 'read:allocation:unit' as const;

export const allocationRoutes: RouteObject[] = [
  guardedRoute('tildeling', read, <WorkbenchPage />),
  guardedRoute('tildeling/kriterier', read, <CriteriaPage />),
  guardedRoute('tildeling/innstillinger', read, <SettingsPage />),
  guardedRoute('tildeling/tilbud/:id', read, <OfferPage />),
  guardedRoute('tildeling/vedtak/:id', read, <DecisionPage />),
];
