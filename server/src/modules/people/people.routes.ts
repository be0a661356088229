import { Type } from 'typebox';
import type { AppContext } from '../../app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, principalOf, type App } from '../../shared/http.ts';
import { ErrorResponse, IdParams, OkResponse, StrictObject, Uuid } from '../../shared/schemas.ts';
import { peoplePolicies as p } from './people.policy.ts';
import {
  CreateCredentialBody,
  CreatePersonBody,
  CreateQualificationBody,
  CredentialView,
  PeopleListQuery,
  PersonView,
  QualificationView,
  UpdateCredentialBody,
  UpdatePersonBody,
} from './people.schemas.ts';
import { createPeopleService, PHOTO_MAX_BYTES } from './people.service.ts';

const AgencyParams = StrictObject({ agencyId: Uuid });
const refusals = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const writeRefusals = { ...refusals, 409: ErrorResponse, 422: ErrorResponse };
const tags = ['人员与执法证'];

export function registerPeopleRoutes(app: App, ctx: AppContext) {
  const people = createPeopleService(ctx.db);

  // Photos arrive as raw image bytes; their type is checked from the bytes in the service.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png'],
    { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/agencies/:agencyId/people',
    {
      config: { policy: p.listPeople },
      schema: {
        tags,
        summary: '本执法主体人员列表（含执法证、资格）',
        params: AgencyParams,
        querystring: PeopleListQuery,
        response: { 200: Type.Array(PersonView), ...refusals },
      },
    },
    (request) => people.listPeople(principalOf(request), request.params.agencyId, request.query),
  );

  app.post(
    '/api/agencies/:agencyId/people',
    {
      config: { policy: p.createPerson },
      schema: {
        tags,
        summary: '新增人员',
        params: AgencyParams,
        body: CreatePersonBody,
        response: { 201: PersonView, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const person = await people.createPerson(
        principalOf(request),
        actorOf(request),
        request.params.agencyId,
        request.body,
      );
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: { policy: p.readPerson },
      schema: {
        tags,
        summary: '人员详情',
        params: IdParams,
        response: { 200: PersonView, ...refusals },
      },
    },
    (request) => people.getPerson(principalOf(request), request.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      config: { policy: p.updatePerson },
      schema: {
        tags,
        summary: '修改人员信息',
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonView, ...writeRefusals },
      },
    },
    (request) =>
      people.updatePerson(principalOf(request), actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/people/:id/photo',
    {
      config: { policy: p.updatePhoto },
      bodyLimit: PHOTO_MAX_BYTES,
      schema: {
        tags,
        summary: '上传证件照（JPEG 或 PNG，不超过 512KB）',
        params: IdParams,
        consumes: ['image/jpeg', 'image/png'],
        response: { 200: OkResponse, 413: ErrorResponse, 415: ErrorResponse, ...refusals },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      await people.setPhoto(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/people/:id/photo',
    {
      config: { policy: p.readPhoto },
      schema: {
        tags,
        summary: '证件照',
        params: IdParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...refusals },
      },
    },
    async (request, reply) => {
      const photo = await people.getPhoto(principalOf(request), request.params.id);
      return reply
        .type(photo.type)
        .header('cache-control', 'private, max-age=300')
        .send(Buffer.from(photo.bytes));
    },
  );

  app.post(
    '/api/people/:id/credentials',
    {
      config: { policy: p.createCredential },
      schema: {
        tags,
        summary: '登记执法证',
        params: IdParams,
        body: CreateCredentialBody,
        response: { 201: CredentialView, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const credential = await people.addCredential(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(credential);
    },
  );

  app.patch(
    '/api/credentials/:id',
    {
      config: { policy: p.updateCredential },
      schema: {
        tags,
        summary: '暂扣、注销、延续执法证或调整执法领域（须说明理由）',
        params: IdParams,
        body: UpdateCredentialBody,
        response: { 200: CredentialView, ...writeRefusals },
      },
    },
    (request) =>
      people.updateCredential(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );

  app.post(
    '/api/people/:id/qualifications',
    {
      config: { policy: p.createQualification },
      schema: {
        tags,
        summary: '登记法律职业资格、公职律师或法律顾问资格',
        params: IdParams,
        body: CreateQualificationBody,
        response: { 201: QualificationView, ...writeRefusals },
      },
    },
    async (request, reply) => {
      const qualification = await people.addQualification(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(qualification);
    },
  );
}
