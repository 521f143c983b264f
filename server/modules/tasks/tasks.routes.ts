import { z } from 'zod';
import {
  assigneeOptionsResponse,
  calendarFeedCreated,
  calendarFeedStatus,
  closeTaskRequest,
  createTaskRequest,
  subjectTasksQuery,
  taskDto,
  taskFilters,
  taskIdParams,
  taskListResponse,
  unitInboxQuery,
  updateTaskRequest,
} from '../../../shared/api/tasks';
import type { AppDeps } from '../../app';
import { appError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import { parseIfMatch } from '../../http/if-match';
import * as feeds from './calendar-feed';
import * as tasks from './tasks.usecases';

export function taskRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  const publicUrl = deps.env.HUSLY_PUBLIC_URL;
  /** POST /api/tasks/:id/<action>: closes a task as done or dismissed. */
  const closeRoute = (action: 'complete' | 'dismiss', state: 'done' | 'dismissed', summary: string) =>
    defineRoute({
      method: 'POST',
      url: `/api/tasks/:id/${action}`,
      summary,
      tags: ['tasks'],
      auth: 'session',
      params: taskIdParams,
      body: closeTaskRequest,
      response: taskDto,
      handler: ({ actor, params, body }) => tasks.closeTask(actor, { db, clock, id: params.id, state, input: body }),
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/api/tasks/mine',
      summary: 'Mine oppgaver: tasks assigned to me',
      tags: ['tasks'],
      auth: 'session',
      query: taskFilters,
      response: taskListResponse,
      handler: ({ actor, query }) => tasks.listMyTasks(actor, { db, clock, filters: query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/tasks/unit',
      summary: "A unit's inbox (default: the session's active unit)",
      tags: ['tasks'],
      auth: 'session',
      query: unitInboxQuery,
      response: taskListResponse,
      handler: ({ actor, query }) => {
        const { unitId, ...filters } = query;
        return tasks.listUnitTasks(actor, { db, clock, filters, unitId });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/tasks/assignees',
      summary: 'Whom the current user may assign tasks to',
      tags: ['tasks'],
      auth: 'session',
      response: assigneeOptionsResponse,
      handler: ({ actor }) => tasks.assigneeOptions(actor, { db }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/tasks',
      summary: 'Tasks about a subject (needs read permission on the subject)',
      tags: ['tasks'],
      auth: 'session',
      query: subjectTasksQuery,
      response: taskListResponse,
      handler: ({ actor, query }) => {
        const { subjectType, subjectId, ...filters } = query;
        return tasks.listSubjectTasks(actor, { db, clock, subjectType, subjectId, filters });
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/tasks',
      summary: 'Create a manual task',
      tags: ['tasks'],
      auth: 'session',
      body: createTaskRequest,
      response: taskDto,
      status: 201,
      handler: ({ actor, body }) => tasks.createTask(actor, { db, clock, input: body }),
    }),
    closeRoute('complete', 'done', 'Complete a task'),
    closeRoute('dismiss', 'dismissed', 'Dismiss a task'),
    defineRoute({
      method: 'PATCH',
      url: '/api/tasks/:id',
      summary: 'Reassign a task or move its due date (If-Match: "<version>")',
      tags: ['tasks'],
      auth: 'session',
      params: taskIdParams,
      body: updateTaskRequest,
      response: taskDto,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const task = await tasks.updateTask(actor, { db, clock, id: params.id, version, input: body });
        reply.header('etag', `"${task.version}"`);
        return task;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/calendar-feed',
      summary: 'Whether I have a calendar feed',
      tags: ['tasks'],
      auth: 'session',
      response: calendarFeedStatus,
      handler: ({ actor }) => feeds.feedStatus(actor, { db }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/calendar-feed',
      summary: 'Create or rotate my calendar feed; the URL is returned only now',
      tags: ['tasks'],
      auth: 'session',
      response: calendarFeedCreated,
      status: 201,
      handler: ({ actor }) => feeds.createFeed(actor, { db, clock, publicUrl }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/calendar-feed',
      summary: 'Revoke my calendar feed',
      tags: ['tasks'],
      auth: 'session',
      handler: ({ actor }) => feeds.revokeFeed(actor, { db, clock }),
    }),
    defineRoute({
      method: 'GET',
      url: '/calendar/:token.ics',
      summary: 'Personal ICS calendar feed (token in the URL, no session)',
      tags: ['tasks'],
      auth: 'none',
      params: z.strictObject({ token: z.string().max(100) }),
      rateLimit: { max: 60, timeWindow: '1 minute' },
      handler: async ({ params, reply }) => {
        const body = await feeds.renderFeed({ db, token: params.token, publicUrl });
        if (body === null) throw appError('resource.not_found');
        return reply
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .type('text/calendar; charset=utf-8')
          .send(body);
      },
    }),
  ];
}
