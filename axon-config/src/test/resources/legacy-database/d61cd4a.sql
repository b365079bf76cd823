--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: read_model; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA read_model;


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: -
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: association_value_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.association_value_entry (
    id bigint NOT NULL,
    association_key character varying(255) NOT NULL,
    association_value character varying(255),
    saga_type character varying(255),
    saga_id character varying(255) NOT NULL
);


--
-- Name: association_value_entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.association_value_entry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: association_value_entry_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.association_value_entry_id_seq OWNED BY public.association_value_entry.id;


--
-- Name: dead_letter_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.dead_letter_entry (
    dead_letter_id character varying(255) NOT NULL,
    processing_group character varying(255) NOT NULL,
    sequence_identifier character varying(255) NOT NULL,
    sequence_index bigint NOT NULL,
    message_type character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    payload_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload bytea NOT NULL,
    meta_data bytea,
    aggregate_type character varying(255),
    aggregate_identifier character varying(255),
    sequence_number bigint,
    token_type character varying(255),
    token bytea,
    enqueued_at character varying(255) NOT NULL,
    last_touched character varying(255),
    processing_started character varying(255),
    cause_type character varying(255),
    cause_message character varying(1023),
    diagnostics bytea
);


--
-- Name: domain_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.domain_event_entry (
    global_index bigint NOT NULL,
    event_identifier character varying(255) NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255),
    time_stamp character varying(255) NOT NULL,
    payload_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload text NOT NULL,
    meta_data text
);


--
-- Name: domain_event_entry_global_index_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.domain_event_entry_global_index_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: domain_event_entry_global_index_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.domain_event_entry_global_index_seq OWNED BY public.domain_event_entry.global_index;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: saga_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.saga_entry (
    saga_id character varying(255) NOT NULL,
    revision character varying(255),
    saga_type character varying(255),
    serialized_saga bytea
);


--
-- Name: snapshot_event_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.snapshot_event_entry (
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    payload_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload text NOT NULL,
    meta_data text
);


--
-- Name: token_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.token_entry (
    processor_name character varying(255) NOT NULL,
    segment integer NOT NULL,
    token bytea,
    token_type character varying(255),
    "timestamp" character varying(255),
    owner character varying(255)
);


--
-- Name: feedback_group_v1; Type: TABLE; Schema: read_model; Owner: -
--

CREATE TABLE read_model.feedback_group_v1 (
    group_id text NOT NULL,
    fingerprint text NOT NULL,
    security_classes text[] NOT NULL,
    signal text NOT NULL,
    severity text NOT NULL,
    severity_rank smallint NOT NULL,
    member_count integer NOT NULL,
    first_seen timestamp with time zone,
    last_seen timestamp with time zone,
    burst boolean NOT NULL,
    burst_detected_at timestamp with time zone,
    last_decision text,
    last_decision_by text,
    last_decision_at timestamp with time zone
);


--
-- Name: feedback_timeline_v1; Type: TABLE; Schema: read_model; Owner: -
--

CREATE TABLE read_model.feedback_timeline_v1 (
    event_id text NOT NULL,
    feedback_id text NOT NULL,
    sequence_number bigint NOT NULL,
    event_type text NOT NULL,
    actor text,
    reason text,
    details text NOT NULL,
    occurred_at timestamp with time zone NOT NULL
);


--
-- Name: feedback_v1; Type: TABLE; Schema: read_model; Owner: -
--

CREATE TABLE read_model.feedback_v1 (
    feedback_id text NOT NULL,
    submission_id text NOT NULL,
    org_id text NOT NULL,
    workspace_id text NOT NULL,
    user_id text NOT NULL,
    channel text NOT NULL,
    message text NOT NULL,
    page text,
    context text,
    state text NOT NULL,
    security_classes text[] NOT NULL,
    signal text NOT NULL,
    severity text NOT NULL,
    severity_rank smallint NOT NULL,
    group_id text NOT NULL,
    assignee text,
    handoff_team text,
    handoff_note text,
    submitted_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    findings text DEFAULT '[]'::text NOT NULL
);


--
-- Name: notification_v1; Type: TABLE; Schema: read_model; Owner: -
--

CREATE TABLE read_model.notification_v1 (
    notification_id text NOT NULL,
    platform_id text NOT NULL,
    kind text NOT NULL,
    source text NOT NULL,
    severity text NOT NULL,
    summary text NOT NULL,
    details text,
    occurred_at timestamp with time zone NOT NULL,
    received_at timestamp with time zone NOT NULL,
    acknowledged boolean NOT NULL,
    acknowledged_by text,
    acknowledged_at timestamp with time zone
);


--
-- Name: association_value_entry id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_value_entry ALTER COLUMN id SET DEFAULT nextval('public.association_value_entry_id_seq'::regclass);


--
-- Name: domain_event_entry global_index; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('public.domain_event_entry_global_index_seq'::regclass);


--
-- Data for Name: association_value_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: dead_letter_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: domain_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.domain_event_entry VALUES (1, 'fec5f955-0481-4cfd-b236-779ca8d483ee', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 0, 'Feedback', '2026-12-02T04:20:54.569Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","submissionId":"s-export","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-export","channel":"web","message":"Export to CSV is broken","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"a800c424a1649cd6ac0f3b0176bcc5c1f6c2c0f37cf7e0785de95b9cceb5d312","classification":{"securityClasses":[],"signal":"SHORT_ACTIONABLE","severity":"LOW","findings":[]},"classifierVersion":"2","fingerprint":"fa4065dbf1ca0faa1c12b868","groupId":"grp-fa4065dbf1ca0faa1c12b868","submittedAt":"2026-12-02T04:20:54.532368Z"}', '{"traceId":"92b252d2-f26d-4ef6-b9b7-3e02fa561945","actor":"service:platform","correlationId":"92b252d2-f26d-4ef6-b9b7-3e02fa561945","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (2, '0f42db18-2f24-4156-b143-49cd672819fc', 'grp-fa4065dbf1ca0faa1c12b868', 0, 'FeedbackGroup', '2026-12-02T04:20:54.604Z', 'com.opsledger.events.feedback.FeedbackGroupOpened', '2', '{"groupId":"grp-fa4065dbf1ca0faa1c12b868","fingerprint":"fa4065dbf1ca0faa1c12b868","classification":{"securityClasses":[],"signal":"SHORT_ACTIONABLE","severity":"LOW","findings":[]}}', '{"traceId":"715f5ce4-f124-49ca-b2eb-1616ba729382","actor":"service:platform","correlationId":"715f5ce4-f124-49ca-b2eb-1616ba729382","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (3, 'e92af079-db5b-4708-87a1-f5234f4eefed', 'grp-fa4065dbf1ca0faa1c12b868', 1, 'FeedbackGroup', '2026-12-02T04:20:54.604Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-fa4065dbf1ca0faa1c12b868","feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","memberCount":1,"seenAt":"2026-12-02T04:20:54.532368Z"}', '{"traceId":"715f5ce4-f124-49ca-b2eb-1616ba729382","actor":"service:platform","correlationId":"715f5ce4-f124-49ca-b2eb-1616ba729382","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (4, '2685df7c-2284-405a-8d91-b7d3f634d166', 'fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50', 0, 'Feedback', '2026-12-02T04:20:54.732Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50","submissionId":"s-export-2","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-export-2","channel":"web","message":"Export to CSV is broken","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"eb6ca40467878a06dc001e894b803d14ce804e91f36ab09568e346453f6ab783","classification":{"securityClasses":[],"signal":"SHORT_ACTIONABLE","severity":"LOW","findings":[]},"classifierVersion":"2","fingerprint":"fa4065dbf1ca0faa1c12b868","groupId":"grp-fa4065dbf1ca0faa1c12b868","submittedAt":"2026-12-02T04:20:54.724475Z"}', '{"traceId":"6b7aa238-2f5a-4ec0-91f3-2f89c14f384c","actor":"service:platform","correlationId":"6b7aa238-2f5a-4ec0-91f3-2f89c14f384c","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (5, '98aa1ec9-7b8f-4f32-939f-d83451e1e871', 'grp-fa4065dbf1ca0faa1c12b868', 2, 'FeedbackGroup', '2026-12-02T04:20:54.737Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-fa4065dbf1ca0faa1c12b868","feedbackId":"fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50","memberCount":2,"seenAt":"2026-12-02T04:20:54.724475Z"}', '{"traceId":"ca9214db-0a79-45e2-b673-2be76dc7e504","actor":"service:platform","correlationId":"ca9214db-0a79-45e2-b673-2be76dc7e504","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (6, 'f1de57f7-fde3-4d31-8f5c-5b57f3e44c61', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 0, 'Feedback', '2026-12-02T04:20:54.779Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","submissionId":"s-slow","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-slow","channel":"web","message":"The dashboard takes a minute to load","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"782ac0e25d80dd2a81f1d1e385106261c06efacbad9cc0e888ae06698bf62bfd","classification":{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW","findings":[]},"classifierVersion":"2","fingerprint":"5fc43c05b73f93df2db8a109","groupId":"grp-5fc43c05b73f93df2db8a109","submittedAt":"2026-12-02T04:20:54.777783Z"}', '{"traceId":"41a56cd5-af88-41d0-9a44-b7d9da6d294f","actor":"service:platform","correlationId":"41a56cd5-af88-41d0-9a44-b7d9da6d294f","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (7, '4aa2c5eb-ec1d-41be-8c55-29ff616787a0', 'grp-5fc43c05b73f93df2db8a109', 0, 'FeedbackGroup', '2026-12-02T04:20:54.791Z', 'com.opsledger.events.feedback.FeedbackGroupOpened', '2', '{"groupId":"grp-5fc43c05b73f93df2db8a109","fingerprint":"5fc43c05b73f93df2db8a109","classification":{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW","findings":[]}}', '{"traceId":"3c808202-8705-48bd-964e-539d016d7804","actor":"service:platform","correlationId":"3c808202-8705-48bd-964e-539d016d7804","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (8, '4745b416-2397-4211-a58a-dd2409c44aba', 'grp-5fc43c05b73f93df2db8a109', 1, 'FeedbackGroup', '2026-12-02T04:20:54.791Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-5fc43c05b73f93df2db8a109","feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","memberCount":1,"seenAt":"2026-12-02T04:20:54.777783Z"}', '{"traceId":"3c808202-8705-48bd-964e-539d016d7804","actor":"service:platform","correlationId":"3c808202-8705-48bd-964e-539d016d7804","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (9, '90af54fd-ee08-4658-9bb0-33530a76431d', 'fb-061ba98a-7b87-30c4-87e2-65ac6275a09f', 0, 'Feedback', '2026-12-02T04:20:54.827Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-061ba98a-7b87-30c4-87e2-65ac6275a09f","submissionId":"s-idea","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-idea","channel":"web","message":"Please add dark mode to the settings page","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"5c519ba9f519952dcaf7cc7ab453475296e9f508f415fd85ad443468da62602f","classification":{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW","findings":[]},"classifierVersion":"2","fingerprint":"56e14f2b38cafd1f9b76632d","groupId":"grp-56e14f2b38cafd1f9b76632d","submittedAt":"2026-12-02T04:20:54.825102Z"}', '{"traceId":"4a2906e2-f929-475e-b83e-e0d9a004f8d5","actor":"service:platform","correlationId":"4a2906e2-f929-475e-b83e-e0d9a004f8d5","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (10, 'e9deb9b2-29d2-4852-9a82-54867bfbc300', 'grp-56e14f2b38cafd1f9b76632d', 0, 'FeedbackGroup', '2026-12-02T04:20:54.836Z', 'com.opsledger.events.feedback.FeedbackGroupOpened', '2', '{"groupId":"grp-56e14f2b38cafd1f9b76632d","fingerprint":"56e14f2b38cafd1f9b76632d","classification":{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW","findings":[]}}', '{"traceId":"ec71b88a-1ae4-484b-859d-f41ff0cb34f8","actor":"service:platform","correlationId":"ec71b88a-1ae4-484b-859d-f41ff0cb34f8","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (11, '598b24dc-7cb0-4923-9238-5b2ab2933986', 'grp-56e14f2b38cafd1f9b76632d', 1, 'FeedbackGroup', '2026-12-02T04:20:54.836Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-56e14f2b38cafd1f9b76632d","feedbackId":"fb-061ba98a-7b87-30c4-87e2-65ac6275a09f","memberCount":1,"seenAt":"2026-12-02T04:20:54.825102Z"}', '{"traceId":"ec71b88a-1ae4-484b-859d-f41ff0cb34f8","actor":"service:platform","correlationId":"ec71b88a-1ae4-484b-859d-f41ff0cb34f8","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (12, '0ba00166-3e97-4f0d-8081-66da43e3cf3b', 'fb-f05400fd-f9c3-306f-8d06-a4ad893c1496', 0, 'Feedback', '2026-12-02T04:20:54.866Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","submissionId":"s-probe-1","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-1","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"a7ad69b9e4b7747a2cd603429970cbc1df43e0340820b0be52fb365782e6babc","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.863925Z"}', '{"traceId":"69c2cf5d-6aed-4951-9fc4-2fc47da16b3a","actor":"service:platform","correlationId":"69c2cf5d-6aed-4951-9fc4-2fc47da16b3a","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (13, 'e5bb83d2-a3c6-4162-ba1b-643c35ba7ae8', 'grp-cb5d0abaf67c1806936b3b14', 0, 'FeedbackGroup', '2026-12-02T04:20:54.877Z', 'com.opsledger.events.feedback.FeedbackGroupOpened', '2', '{"groupId":"grp-cb5d0abaf67c1806936b3b14","fingerprint":"cb5d0abaf67c1806936b3b14","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]}}', '{"traceId":"711388ef-9afb-433f-b321-7bcd43cfb15c","actor":"service:platform","correlationId":"711388ef-9afb-433f-b321-7bcd43cfb15c","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (14, '311e4384-bcbe-4d40-a559-16ab10e3c969', 'grp-cb5d0abaf67c1806936b3b14', 1, 'FeedbackGroup', '2026-12-02T04:20:54.877Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","memberCount":1,"seenAt":"2026-12-02T04:20:54.863925Z"}', '{"traceId":"711388ef-9afb-433f-b321-7bcd43cfb15c","actor":"service:platform","correlationId":"711388ef-9afb-433f-b321-7bcd43cfb15c","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (15, 'e9ee8c76-4f5c-4772-9d62-a2d29b945634', 'fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33', 0, 'Feedback', '2026-12-02T04:20:54.919Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","submissionId":"s-probe-2","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-2","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"964bc258cae827b65fa36d2284b61ba111d1a6e4045b5a646bbe6221abb3ede2","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.915618Z"}', '{"traceId":"d284dcc4-8ef7-4f87-8e60-5b57be743414","actor":"service:platform","correlationId":"d284dcc4-8ef7-4f87-8e60-5b57be743414","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (16, '49e115ca-a681-46cf-bb03-1a03a1d9af9c', 'grp-cb5d0abaf67c1806936b3b14', 2, 'FeedbackGroup', '2026-12-02T04:20:54.927Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","memberCount":2,"seenAt":"2026-12-02T04:20:54.915618Z"}', '{"traceId":"f83e6bf5-cdc5-4efa-8cd6-1dc829ce0e1c","actor":"service:platform","correlationId":"f83e6bf5-cdc5-4efa-8cd6-1dc829ce0e1c","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (17, '6ea6e26b-6680-430d-9887-f44e320978b0', 'fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65', 0, 'Feedback', '2026-12-02T04:20:54.960Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","submissionId":"s-probe-3","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-3","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"c0e144677d0fbcf7bef241aa31d6c7fb7e2a78a843307eb1b9f58ae5814326c5","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.956908Z"}', '{"traceId":"c23c5c57-7edc-4470-9f8e-690394bdb3f8","actor":"service:platform","correlationId":"c23c5c57-7edc-4470-9f8e-690394bdb3f8","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (18, '77be1202-d4be-4c9f-88c2-d4ea34c8123f', 'grp-cb5d0abaf67c1806936b3b14', 3, 'FeedbackGroup', '2026-12-02T04:20:54.965Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","memberCount":3,"seenAt":"2026-12-02T04:20:54.956908Z"}', '{"traceId":"6bf2d508-65ef-4362-88a9-e44450f04260","actor":"service:platform","correlationId":"6bf2d508-65ef-4362-88a9-e44450f04260","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (24, '3f341fa1-8aad-46de-b453-b101c6b76f28', 'fb-534fce8c-105b-31b3-bad2-a15e3c0f531a', 0, 'Feedback', '2026-12-02T04:20:55.097Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-534fce8c-105b-31b3-bad2-a15e3c0f531a","submissionId":"s-probe-6","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-6","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"11ad74c235f81a7fb5845340461cf082c5921a5dfce9830e0f92a7232b9e6aa5","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:55.095199Z"}', '{"traceId":"e5d39235-03d1-4810-9ac2-a7746861cd97","actor":"service:platform","correlationId":"e5d39235-03d1-4810-9ac2-a7746861cd97","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (19, '4c317490-d172-40b4-b3ae-7bd8d8ee5bb3', 'fb-13138bda-d281-3916-812b-20b6e5aca08f', 0, 'Feedback', '2026-12-02T04:20:55.000Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-13138bda-d281-3916-812b-20b6e5aca08f","submissionId":"s-probe-4","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-4","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"402cf93703bb730f846e65ac7ed383a1df3b34255545f58e5684d35abc4dd181","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.999001Z"}', '{"traceId":"1d099326-6a89-426b-9229-e478701af54d","actor":"service:platform","correlationId":"1d099326-6a89-426b-9229-e478701af54d","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (20, 'c3f9af02-fc4f-419e-9057-5f9a0f3f22d8', 'grp-cb5d0abaf67c1806936b3b14', 4, 'FeedbackGroup', '2026-12-02T04:20:55.004Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-13138bda-d281-3916-812b-20b6e5aca08f","memberCount":4,"seenAt":"2026-12-02T04:20:54.999001Z"}', '{"traceId":"a1773013-932c-4b3c-a7a2-1d9e07ea9eea","actor":"service:platform","correlationId":"a1773013-932c-4b3c-a7a2-1d9e07ea9eea","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (21, 'ad31d155-6b0f-499f-9a9d-45baa5065b38', 'fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e', 0, 'Feedback', '2026-12-02T04:20:55.045Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","submissionId":"s-probe-5","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-5","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"d4c0aee56010069fcf381aacdc1594ee69c3abf07fc55fcf173588ec1190ac05","classification":{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH","findings":[{"securityClass":"SCRIPT","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"SCRIPT","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:55.042862Z"}', '{"traceId":"0b073f71-6dbb-4a94-aca0-7d2f3cb146c9","actor":"service:platform","correlationId":"0b073f71-6dbb-4a94-aca0-7d2f3cb146c9","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (22, '13a60e2f-20ae-4297-ad5e-d19d829e6e5d', 'grp-cb5d0abaf67c1806936b3b14', 5, 'FeedbackGroup', '2026-12-02T04:20:55.050Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","memberCount":5,"seenAt":"2026-12-02T04:20:55.042862Z"}', '{"traceId":"5526639b-f7e1-4e52-a880-7f6827f3e841","actor":"service:platform","correlationId":"5526639b-f7e1-4e52-a880-7f6827f3e841","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (23, '834deb31-93dc-472b-aae2-f294700a90bf', 'grp-cb5d0abaf67c1806936b3b14', 6, 'FeedbackGroup', '2026-12-02T04:20:55.051Z', 'com.opsledger.events.feedback.FeedbackGroupBurstDetected', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","membersInWindow":5,"windowSeconds":600,"detectedAt":"2026-12-02T04:20:55.042862Z"}', '{"traceId":"5526639b-f7e1-4e52-a880-7f6827f3e841","actor":"service:platform","correlationId":"5526639b-f7e1-4e52-a880-7f6827f3e841","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (31, '3a074fc7-63e0-4ece-bcf1-f0b72b1b1c58', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 3, 'Feedback', '2026-12-02T04:20:55.278Z', 'com.opsledger.events.feedback.FeedbackWorkStarted', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '{"traceId":"c469cb37-0844-4d22-9e77-295d89fed1ec","actor":"alice","correlationId":"c469cb37-0844-4d22-9e77-295d89fed1ec","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (32, 'bacffaee-2652-4ca3-b8e3-49b0065f7b52', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 4, 'Feedback', '2026-12-02T04:20:55.294Z', 'com.opsledger.events.feedback.FeedbackCompleted', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '{"traceId":"84953076-9f4c-401b-a6b7-bf0fb47067f0","actor":"alice","correlationId":"84953076-9f4c-401b-a6b7-bf0fb47067f0","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (37, 'c57bb20b-3b79-4c25-8559-9fc7c09d7350', 'fb-061ba98a-7b87-30c4-87e2-65ac6275a09f', 1, 'Feedback', '2026-12-02T04:20:55.431Z', 'com.opsledger.events.feedback.FeedbackReclassified', '2', '{"feedbackId":"fb-061ba98a-7b87-30c4-87e2-65ac6275a09f","previous":{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW","findings":[]},"classification":{"securityClasses":[],"signal":"ACTIONABLE","severity":"LOW","findings":[]},"classifierVersion":null}', '{"traceId":"6f7f0323-68b6-441c-ac42-8cf010e97154","actor":"alice","reason":"an idea, not a bug","correlationId":"6f7f0323-68b6-441c-ac42-8cf010e97154","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (41, '55ea7ddb-1950-49c5-b8f3-b2a832236233', 'grp-cb5d0abaf67c1806936b3b14', 8, 'FeedbackGroup', '2026-12-02T04:20:55.593Z', 'com.opsledger.events.feedback.FeedbackGroupDecided', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","decision":"ARCHIVE_DUPLICATES","memberIds":["fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","fb-13138bda-d281-3916-812b-20b6e5aca08f","fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","fb-534fce8c-105b-31b3-bad2-a15e3c0f531a"]}', '{"traceId":"e920c726-7a1c-4b04-9346-f7d1e1df4f3b","actor":"alice","reason":"scanner noise","correlationId":"e920c726-7a1c-4b04-9346-f7d1e1df4f3b","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (42, '1e61cef1-d7a5-457c-b786-a8a7b0938636', 'fb-f05400fd-f9c3-306f-8d06-a4ad893c1496', 1, 'Feedback', '2026-12-02T04:20:55.600Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"f38d2dbe-104c-438b-831e-a71f478cd643","actor":"alice","reason":"scanner noise","correlationId":"f38d2dbe-104c-438b-831e-a71f478cd643","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (43, 'f046f0fd-ee0b-4483-a22f-b236db81ff83', 'fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33', 1, 'Feedback', '2026-12-02T04:20:55.602Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"14eed718-2e83-46bd-911a-50df12ca0772","actor":"alice","reason":"scanner noise","correlationId":"14eed718-2e83-46bd-911a-50df12ca0772","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (44, '3a091271-7d7b-45fa-9bb5-5f4108419265', 'fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65', 1, 'Feedback', '2026-12-02T04:20:55.604Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"b785b47c-9e5c-4c49-909b-49dc0c09884a","actor":"alice","reason":"scanner noise","correlationId":"b785b47c-9e5c-4c49-909b-49dc0c09884a","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (25, 'a176c78a-075d-4024-8874-78540a69a835', 'grp-cb5d0abaf67c1806936b3b14', 7, 'FeedbackGroup', '2026-12-02T04:20:55.101Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-cb5d0abaf67c1806936b3b14","feedbackId":"fb-534fce8c-105b-31b3-bad2-a15e3c0f531a","memberCount":6,"seenAt":"2026-12-02T04:20:55.095199Z"}', '{"traceId":"494b46fa-3216-456d-8738-77f4a37ebea9","actor":"service:platform","correlationId":"494b46fa-3216-456d-8738-77f4a37ebea9","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (26, 'a452f750-ee4e-4931-b9ad-d1aee61c5344', 'fb-3fab2dad-4c65-32a6-8985-a67532c526b7', 0, 'Feedback', '2026-12-02T04:20:55.130Z', 'com.opsledger.events.feedback.FeedbackSubmitted', '2', '{"feedbackId":"fb-3fab2dad-4c65-32a6-8985-a67532c526b7","submissionId":"s-sql","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-sql","channel":"web","message":"'' OR 1=1 -- show me everything","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"974f3e2bea99b6ff721d356b7ba5caeacc7e206234bb40232624a9df192eacd0","classification":{"securityClasses":["SQL"],"signal":"SECURITY_PROBE","severity":"CRITICAL","findings":[{"securityClass":"SQL","rule":"sql.tautology","excerpt":"'' or 1=1 -- show me everything"},{"securityClass":"SQL","rule":"sql.comment-after-keyword","excerpt":"or 1=1 -- show me everything"}]},"classifierVersion":"2","fingerprint":"dc76df0a77d3e5e6780c31ce","groupId":"grp-dc76df0a77d3e5e6780c31ce","submittedAt":"2026-12-02T04:20:55.128935Z"}', '{"traceId":"6c8c14e4-5475-468b-a090-35817aeaca65","actor":"service:platform","correlationId":"6c8c14e4-5475-468b-a090-35817aeaca65","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (27, '6eaf8187-b233-47cd-b853-3e875f621a85', 'grp-dc76df0a77d3e5e6780c31ce', 0, 'FeedbackGroup', '2026-12-02T04:20:55.142Z', 'com.opsledger.events.feedback.FeedbackGroupOpened', '2', '{"groupId":"grp-dc76df0a77d3e5e6780c31ce","fingerprint":"dc76df0a77d3e5e6780c31ce","classification":{"securityClasses":["SQL"],"signal":"SECURITY_PROBE","severity":"CRITICAL","findings":[{"securityClass":"SQL","rule":"sql.tautology","excerpt":"'' or 1=1 -- show me everything"},{"securityClass":"SQL","rule":"sql.comment-after-keyword","excerpt":"or 1=1 -- show me everything"}]}}', '{"traceId":"128df577-f8ac-427a-8655-8b11c2c9e1b8","actor":"service:platform","correlationId":"128df577-f8ac-427a-8655-8b11c2c9e1b8","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (28, '58303759-d239-4b6d-af9a-aa0b4e23eb7f', 'grp-dc76df0a77d3e5e6780c31ce', 1, 'FeedbackGroup', '2026-12-02T04:20:55.142Z', 'com.opsledger.events.feedback.FeedbackGroupMemberAdded', NULL, '{"groupId":"grp-dc76df0a77d3e5e6780c31ce","feedbackId":"fb-3fab2dad-4c65-32a6-8985-a67532c526b7","memberCount":1,"seenAt":"2026-12-02T04:20:55.128935Z"}', '{"traceId":"128df577-f8ac-427a-8655-8b11c2c9e1b8","actor":"service:platform","correlationId":"128df577-f8ac-427a-8655-8b11c2c9e1b8","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (29, '1332a42d-ffd6-40ab-a76c-73971265bc0d', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 1, 'Feedback', '2026-12-02T04:20:55.236Z', 'com.opsledger.events.feedback.FeedbackTriaged', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","groupId":null}', '{"traceId":"18da079f-fd18-4c98-ae88-deda564c46ee","actor":"alice","reason":"confirmed","correlationId":"18da079f-fd18-4c98-ae88-deda564c46ee","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (30, 'b68a579c-85f7-4144-b40a-bf65438903d7', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 2, 'Feedback', '2026-12-02T04:20:55.260Z', 'com.opsledger.events.feedback.FeedbackAssigned', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","assignee":"alice"}', '{"traceId":"8215b419-b08e-4d3a-a983-b8069c8b0f91","actor":"alice","correlationId":"8215b419-b08e-4d3a-a983-b8069c8b0f91","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (33, 'aa774783-e481-469c-a66a-430d1eae6d9d', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 5, 'Feedback', '2026-12-02T04:20:55.314Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","duplicateOfGroup":null}', '{"traceId":"c9ea94d9-571b-4535-b586-7f7e2541ca7e","actor":"alice","correlationId":"c9ea94d9-571b-4535-b586-7f7e2541ca7e","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (34, '5362e535-b6ea-464a-a386-03f89e978993', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 6, 'Feedback', '2026-12-02T04:20:55.332Z', 'com.opsledger.events.feedback.FeedbackReopened', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","reopenedFrom":"ARCHIVED"}', '{"traceId":"ce5b9d57-d3d3-4b75-8ad7-6d546d816f66","actor":"alice","reason":"regression in 2.4","correlationId":"ce5b9d57-d3d3-4b75-8ad7-6d546d816f66","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (35, 'cfb797c7-6149-4ed2-952e-b860a4d48a3c', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 1, 'Feedback', '2026-12-02T04:20:55.357Z', 'com.opsledger.events.feedback.FeedbackTriaged', NULL, '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","groupId":null}', '{"traceId":"2b185773-656d-4c72-9343-db673b5faf31","actor":"alice","correlationId":"2b185773-656d-4c72-9343-db673b5faf31","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (36, 'bdb3bfc1-28d0-4389-bf78-80954b53be39', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 2, 'Feedback', '2026-12-02T04:20:55.382Z', 'com.opsledger.events.feedback.FeedbackHandedOff', NULL, '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","destinationTeam":"performance","note":"p95 over 40 s"}', '{"traceId":"4f45173c-5060-4853-8ed7-76e70bca2f93","actor":"alice","correlationId":"4f45173c-5060-4853-8ed7-76e70bca2f93","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (38, 'fb0e852d-6a01-4250-b413-c7788cf3348f', 'grp-fa4065dbf1ca0faa1c12b868', 3, 'FeedbackGroup', '2026-12-02T04:20:55.532Z', 'com.opsledger.events.feedback.FeedbackGroupDecided', NULL, '{"groupId":"grp-fa4065dbf1ca0faa1c12b868","decision":"TRIAGE","memberIds":["fb-d3d015c2-fb27-3514-9027-f630f22da2f6","fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50"]}', '{"traceId":"aed15a2b-f220-4c17-ae0d-e8efaaf4d1a5","actor":"alice","reason":"same report","correlationId":"aed15a2b-f220-4c17-ae0d-e8efaaf4d1a5","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (39, 'a131e589-3029-4f7f-a19e-f99c2b6d6173', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 7, 'Feedback', '2026-12-02T04:20:55.542Z', 'com.opsledger.events.feedback.FeedbackTriaged', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","groupId":"grp-fa4065dbf1ca0faa1c12b868"}', '{"traceId":"d5f2636f-802a-4b08-aeab-a8f95df6f98f","actor":"alice","reason":"same report","correlationId":"d5f2636f-802a-4b08-aeab-a8f95df6f98f","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (40, '0d913741-7722-4a2d-8b9c-a1ce8b7515c8', 'fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50', 1, 'Feedback', '2026-12-02T04:20:55.548Z', 'com.opsledger.events.feedback.FeedbackTriaged', NULL, '{"feedbackId":"fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50","groupId":"grp-fa4065dbf1ca0faa1c12b868"}', '{"traceId":"b86e9fb2-4a8f-46a8-b7c5-b4450b9c96b6","actor":"alice","reason":"same report","correlationId":"b86e9fb2-4a8f-46a8-b7c5-b4450b9c96b6","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (48, '0ef053df-3741-4011-88b8-19fb23a79076', 'ntf-aff0b5c0-bca5-30d1-bae1-f2f67d1e1781', 0, 'Notification', '2026-12-02T04:20:55.646Z', 'com.opsledger.events.notification.NotificationReceived', NULL, '{"notificationId":"ntf-aff0b5c0-bca5-30d1-bae1-f2f67d1e1781","platformId":"n-1","kind":"SCHEDULE_FAILED","source":"scheduler","severity":"ERROR","summary":"Nightly export failed","occurredAt":"2026-11-24T01:00:00Z","detailsJson":"{\"job\":\"export\"}","contentHash":"892c823c6b62c9cbf3f517917b19e80ae81f89c112a30920b6d5b5b50de7de8e"}', '{"traceId":"d4e3dfd1-a950-4512-b818-3e94342b3612","actor":"service:platform","correlationId":"d4e3dfd1-a950-4512-b818-3e94342b3612","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (45, 'a3ecdad3-db86-4855-afee-f2eb0836ef74', 'fb-13138bda-d281-3916-812b-20b6e5aca08f', 1, 'Feedback', '2026-12-02T04:20:55.608Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-13138bda-d281-3916-812b-20b6e5aca08f","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"46516eb3-fb95-40b6-94f3-384f7ba0ae33","actor":"alice","reason":"scanner noise","correlationId":"46516eb3-fb95-40b6-94f3-384f7ba0ae33","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (46, '54dc92ab-d6bb-4f2a-93b1-655b9abb4b45', 'fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e', 1, 'Feedback', '2026-12-02T04:20:55.614Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"2b58084a-78a6-418d-8c38-53d40d6e8887","actor":"alice","reason":"scanner noise","correlationId":"2b58084a-78a6-418d-8c38-53d40d6e8887","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (47, 'fcc7cacf-cece-4d1a-86ca-b252e57dda45', 'fb-534fce8c-105b-31b3-bad2-a15e3c0f531a', 1, 'Feedback', '2026-12-02T04:20:55.616Z', 'com.opsledger.events.feedback.FeedbackArchived', NULL, '{"feedbackId":"fb-534fce8c-105b-31b3-bad2-a15e3c0f531a","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '{"traceId":"919deea0-8213-46af-92cc-fcc4310b196f","actor":"alice","reason":"scanner noise","correlationId":"919deea0-8213-46af-92cc-fcc4310b196f","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (50, '7723bce6-60d5-4500-a4f7-497449e897ed', 'ntf-aff0b5c0-bca5-30d1-bae1-f2f67d1e1781', 1, 'Notification', '2026-12-02T04:20:55.749Z', 'com.opsledger.events.notification.NotificationAcknowledged', NULL, '{"notificationId":"ntf-aff0b5c0-bca5-30d1-bae1-f2f67d1e1781"}', '{"traceId":"5bf1dc35-d60f-4475-ac65-94285a75e5c6","actor":"alice","correlationId":"5bf1dc35-d60f-4475-ac65-94285a75e5c6","sourceIp":"127.0.0.1"}');
INSERT INTO public.domain_event_entry VALUES (49, '43778854-b06f-4863-a088-1e2f598432d6', 'ntf-f096e2e4-9215-3808-9bf1-df926e16d943', 0, 'Notification', '2026-12-02T04:20:55.681Z', 'com.opsledger.events.notification.NotificationReceived', NULL, '{"notificationId":"ntf-f096e2e4-9215-3808-9bf1-df926e16d943","platformId":"n-2","kind":"USAGE_EVENT","source":"billing","severity":"INFO","summary":"Usage above 80%","occurredAt":"2026-11-24T02:00:00Z","detailsJson":null,"contentHash":"931b609d71803edc287449efa1f8f207a55036b9a501f249ca30ba365073a0dd"}', '{"traceId":"70719573-cff9-4a64-949c-7c0f550f793b","actor":"service:platform","correlationId":"70719573-cff9-4a64-949c-7c0f550f793b","sourceIp":"127.0.0.1"}');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'axon event store', 'SQL', 'V1__axon_event_store.sql', 291291589, 'postgres', '2026-12-02 04:20:50.927573', 20, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'read models', 'SQL', 'V2__read_models.sql', -884638870, 'postgres', '2026-12-02 04:20:50.999107', 31, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'feedback newest index', 'SQL', 'V3__feedback_newest_index.sql', -841073920, 'postgres', '2026-12-02 04:20:51.056698', 6, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'dead letters', 'SQL', 'V4__dead_letters.sql', 1066828226, 'postgres', '2026-12-02 04:20:51.072298', 7, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'feedback findings', 'SQL', 'V5__feedback_findings.sql', 239149987, 'postgres', '2026-12-02 04:20:51.088038', 2, true);


--
-- Data for Name: saga_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: snapshot_event_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: token_entry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.token_entry VALUES ('feedback-groups-v1', 0, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.596Z', NULL);
INSERT INTO public.token_entry VALUES ('feedback-groups-v1', 1, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.635Z', NULL);
INSERT INTO public.token_entry VALUES ('feedback-queue-v1', 1, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.719Z', NULL);
INSERT INTO public.token_entry VALUES ('notifications-v1', 1, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.718Z', NULL);
INSERT INTO public.token_entry VALUES ('feedback-queue-v1', 0, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.782Z', NULL);
INSERT INTO public.token_entry VALUES ('notifications-v1', 0, '\x7b22696e646578223a35302c2267617073223a5b5d7d', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-02T04:21:01.782Z', NULL);


--
-- Data for Name: feedback_group_v1; Type: TABLE DATA; Schema: read_model; Owner: -
--

INSERT INTO read_model.feedback_group_v1 VALUES ('grp-5fc43c05b73f93df2db8a109', '5fc43c05b73f93df2db8a109', '{}', 'product_signal', 'low', 3, 1, '2026-12-02 04:20:54.777783+00', '2026-12-02 04:20:54.777783+00', false, NULL, NULL, NULL, NULL);
INSERT INTO read_model.feedback_group_v1 VALUES ('grp-56e14f2b38cafd1f9b76632d', '56e14f2b38cafd1f9b76632d', '{}', 'product_signal', 'low', 3, 1, '2026-12-02 04:20:54.825102+00', '2026-12-02 04:20:54.825102+00', false, NULL, NULL, NULL, NULL);
INSERT INTO read_model.feedback_group_v1 VALUES ('grp-dc76df0a77d3e5e6780c31ce', 'dc76df0a77d3e5e6780c31ce', '{sql}', 'security_probe', 'critical', 0, 1, '2026-12-02 04:20:55.128935+00', '2026-12-02 04:20:55.128935+00', false, NULL, NULL, NULL, NULL);
INSERT INTO read_model.feedback_group_v1 VALUES ('grp-fa4065dbf1ca0faa1c12b868', 'fa4065dbf1ca0faa1c12b868', '{}', 'short_actionable', 'low', 3, 2, '2026-12-02 04:20:54.532368+00', '2026-12-02 04:20:54.724475+00', false, NULL, 'triage', 'alice', '2026-12-02 04:20:55.532+00');
INSERT INTO read_model.feedback_group_v1 VALUES ('grp-cb5d0abaf67c1806936b3b14', 'cb5d0abaf67c1806936b3b14', '{script}', 'security_probe', 'high', 1, 6, '2026-12-02 04:20:54.863925+00', '2026-12-02 04:20:55.095199+00', true, '2026-12-02 04:20:55.042862+00', 'archive_duplicates', 'alice', '2026-12-02 04:20:55.593+00');


--
-- Data for Name: feedback_timeline_v1; Type: TABLE DATA; Schema: read_model; Owner: -
--

INSERT INTO read_model.feedback_timeline_v1 VALUES ('fec5f955-0481-4cfd-b236-779ca8d483ee', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","submissionId":"s-export","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-export","channel":"web","message":"Export to CSV is broken","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"a800c424a1649cd6ac0f3b0176bcc5c1f6c2c0f37cf7e0785de95b9cceb5d312","classification":{"securityClasses":[],"signal":"short_actionable","severity":"low","findings":[]},"classifierVersion":"2","fingerprint":"fa4065dbf1ca0faa1c12b868","groupId":"grp-fa4065dbf1ca0faa1c12b868","submittedAt":"2026-12-02T04:20:54.532368Z"}', '2026-12-02 04:20:54.569+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('2685df7c-2284-405a-8d91-b7d3f634d166', 'fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50","submissionId":"s-export-2","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-export-2","channel":"web","message":"Export to CSV is broken","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"eb6ca40467878a06dc001e894b803d14ce804e91f36ab09568e346453f6ab783","classification":{"securityClasses":[],"signal":"short_actionable","severity":"low","findings":[]},"classifierVersion":"2","fingerprint":"fa4065dbf1ca0faa1c12b868","groupId":"grp-fa4065dbf1ca0faa1c12b868","submittedAt":"2026-12-02T04:20:54.724475Z"}', '2026-12-02 04:20:54.732+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('f1de57f7-fde3-4d31-8f5c-5b57f3e44c61', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","submissionId":"s-slow","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-slow","channel":"web","message":"The dashboard takes a minute to load","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"782ac0e25d80dd2a81f1d1e385106261c06efacbad9cc0e888ae06698bf62bfd","classification":{"securityClasses":[],"signal":"product_signal","severity":"low","findings":[]},"classifierVersion":"2","fingerprint":"5fc43c05b73f93df2db8a109","groupId":"grp-5fc43c05b73f93df2db8a109","submittedAt":"2026-12-02T04:20:54.777783Z"}', '2026-12-02 04:20:54.779+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('90af54fd-ee08-4658-9bb0-33530a76431d', 'fb-061ba98a-7b87-30c4-87e2-65ac6275a09f', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-061ba98a-7b87-30c4-87e2-65ac6275a09f","submissionId":"s-idea","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-idea","channel":"web","message":"Please add dark mode to the settings page","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"5c519ba9f519952dcaf7cc7ab453475296e9f508f415fd85ad443468da62602f","classification":{"securityClasses":[],"signal":"product_signal","severity":"low","findings":[]},"classifierVersion":"2","fingerprint":"56e14f2b38cafd1f9b76632d","groupId":"grp-56e14f2b38cafd1f9b76632d","submittedAt":"2026-12-02T04:20:54.825102Z"}', '2026-12-02 04:20:54.827+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('0ba00166-3e97-4f0d-8081-66da43e3cf3b', 'fb-f05400fd-f9c3-306f-8d06-a4ad893c1496', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","submissionId":"s-probe-1","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-1","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"a7ad69b9e4b7747a2cd603429970cbc1df43e0340820b0be52fb365782e6babc","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.863925Z"}', '2026-12-02 04:20:54.866+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('e9ee8c76-4f5c-4772-9d62-a2d29b945634', 'fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","submissionId":"s-probe-2","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-2","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"964bc258cae827b65fa36d2284b61ba111d1a6e4045b5a646bbe6221abb3ede2","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.915618Z"}', '2026-12-02 04:20:54.919+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('6ea6e26b-6680-430d-9887-f44e320978b0', 'fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","submissionId":"s-probe-3","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-3","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"c0e144677d0fbcf7bef241aa31d6c7fb7e2a78a843307eb1b9f58ae5814326c5","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.956908Z"}', '2026-12-02 04:20:54.96+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('4c317490-d172-40b4-b3ae-7bd8d8ee5bb3', 'fb-13138bda-d281-3916-812b-20b6e5aca08f', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-13138bda-d281-3916-812b-20b6e5aca08f","submissionId":"s-probe-4","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-4","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"402cf93703bb730f846e65ac7ed383a1df3b34255545f58e5684d35abc4dd181","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:54.999001Z"}', '2026-12-02 04:20:55+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('ad31d155-6b0f-499f-9a9d-45baa5065b38', 'fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","submissionId":"s-probe-5","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-5","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"d4c0aee56010069fcf381aacdc1594ee69c3abf07fc55fcf173588ec1190ac05","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:55.042862Z"}', '2026-12-02 04:20:55.045+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('3f341fa1-8aad-46de-b453-b101c6b76f28', 'fb-534fce8c-105b-31b3-bad2-a15e3c0f531a', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-534fce8c-105b-31b3-bad2-a15e3c0f531a","submissionId":"s-probe-6","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-probe-6","channel":"web","message":"<script>alert(document.cookie)</script>","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"11ad74c235f81a7fb5845340461cf082c5921a5dfce9830e0f92a7232b9e6aa5","classification":{"securityClasses":["script"],"signal":"security_probe","severity":"high","findings":[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]},"classifierVersion":"2","fingerprint":"cb5d0abaf67c1806936b3b14","groupId":"grp-cb5d0abaf67c1806936b3b14","submittedAt":"2026-12-02T04:20:55.095199Z"}', '2026-12-02 04:20:55.097+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('c57bb20b-3b79-4c25-8559-9fc7c09d7350', 'fb-061ba98a-7b87-30c4-87e2-65ac6275a09f', 1, 'FeedbackReclassified', 'alice', 'an idea, not a bug', '{"feedbackId":"fb-061ba98a-7b87-30c4-87e2-65ac6275a09f","previous":{"securityClasses":[],"signal":"product_signal","severity":"low","findings":[]},"classification":{"securityClasses":[],"signal":"actionable","severity":"low","findings":[]}}', '2026-12-02 04:20:55.431+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('0d913741-7722-4a2d-8b9c-a1ce8b7515c8', 'fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50', 1, 'FeedbackTriaged', 'alice', 'same report', '{"feedbackId":"fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50","groupId":"grp-fa4065dbf1ca0faa1c12b868"}', '2026-12-02 04:20:55.548+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('a3ecdad3-db86-4855-afee-f2eb0836ef74', 'fb-13138bda-d281-3916-812b-20b6e5aca08f', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-13138bda-d281-3916-812b-20b6e5aca08f","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.608+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('54dc92ab-d6bb-4f2a-93b1-655b9abb4b45', 'fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.614+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('fcc7cacf-cece-4d1a-86ca-b252e57dda45', 'fb-534fce8c-105b-31b3-bad2-a15e3c0f531a', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-534fce8c-105b-31b3-bad2-a15e3c0f531a","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.616+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('a452f750-ee4e-4931-b9ad-d1aee61c5344', 'fb-3fab2dad-4c65-32a6-8985-a67532c526b7', 0, 'FeedbackSubmitted', 'service:platform', NULL, '{"feedbackId":"fb-3fab2dad-4c65-32a6-8985-a67532c526b7","submissionId":"s-sql","orgId":"org-1","workspaceId":"ws-1","userId":"u-s-sql","channel":"web","message":"'' OR 1=1 -- show me everything","page":"/reports","contextJson":"{\"browser\":\"firefox\",\"n\":1.50}","contentHash":"974f3e2bea99b6ff721d356b7ba5caeacc7e206234bb40232624a9df192eacd0","classification":{"securityClasses":["sql"],"signal":"security_probe","severity":"critical","findings":[{"securityClass":"sql","rule":"sql.tautology","excerpt":"'' or 1=1 -- show me everything"},{"securityClass":"sql","rule":"sql.comment-after-keyword","excerpt":"or 1=1 -- show me everything"}]},"classifierVersion":"2","fingerprint":"dc76df0a77d3e5e6780c31ce","groupId":"grp-dc76df0a77d3e5e6780c31ce","submittedAt":"2026-12-02T04:20:55.128935Z"}', '2026-12-02 04:20:55.13+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('1332a42d-ffd6-40ab-a76c-73971265bc0d', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 1, 'FeedbackTriaged', 'alice', 'confirmed', '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '2026-12-02 04:20:55.236+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('b68a579c-85f7-4144-b40a-bf65438903d7', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 2, 'FeedbackAssigned', 'alice', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","assignee":"alice"}', '2026-12-02 04:20:55.26+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('3a074fc7-63e0-4ece-bcf1-f0b72b1b1c58', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 3, 'FeedbackWorkStarted', 'alice', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '2026-12-02 04:20:55.278+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('bacffaee-2652-4ca3-b8e3-49b0065f7b52', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 4, 'FeedbackCompleted', 'alice', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '2026-12-02 04:20:55.294+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('aa774783-e481-469c-a66a-430d1eae6d9d', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 5, 'FeedbackArchived', 'alice', NULL, '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6"}', '2026-12-02 04:20:55.314+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('5362e535-b6ea-464a-a386-03f89e978993', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 6, 'FeedbackReopened', 'alice', 'regression in 2.4', '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","reopenedFrom":"archived"}', '2026-12-02 04:20:55.332+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('cfb797c7-6149-4ed2-952e-b860a4d48a3c', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 1, 'FeedbackTriaged', 'alice', NULL, '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d"}', '2026-12-02 04:20:55.357+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('bdb3bfc1-28d0-4389-bf78-80954b53be39', 'fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 2, 'FeedbackHandedOff', 'alice', NULL, '{"feedbackId":"fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d","destinationTeam":"performance","note":"p95 over 40 s"}', '2026-12-02 04:20:55.382+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('a131e589-3029-4f7f-a19e-f99c2b6d6173', 'fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 7, 'FeedbackTriaged', 'alice', 'same report', '{"feedbackId":"fb-d3d015c2-fb27-3514-9027-f630f22da2f6","groupId":"grp-fa4065dbf1ca0faa1c12b868"}', '2026-12-02 04:20:55.542+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('1e61cef1-d7a5-457c-b786-a8a7b0938636', 'fb-f05400fd-f9c3-306f-8d06-a4ad893c1496', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-f05400fd-f9c3-306f-8d06-a4ad893c1496","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.6+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('f046f0fd-ee0b-4483-a22f-b236db81ff83', 'fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.602+00');
INSERT INTO read_model.feedback_timeline_v1 VALUES ('3a091271-7d7b-45fa-9bb5-5f4108419265', 'fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65', 1, 'FeedbackArchived', 'alice', 'scanner noise', '{"feedbackId":"fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65","duplicateOfGroup":"grp-cb5d0abaf67c1806936b3b14"}', '2026-12-02 04:20:55.604+00');


--
-- Data for Name: feedback_v1; Type: TABLE DATA; Schema: read_model; Owner: -
--

INSERT INTO read_model.feedback_v1 VALUES ('fb-3fab2dad-4c65-32a6-8985-a67532c526b7', 's-sql', 'org-1', 'ws-1', 'u-s-sql', 'web', ''' OR 1=1 -- show me everything', '/reports', '{"browser":"firefox","n":1.50}', 'open', '{sql}', 'security_probe', 'critical', 0, 'grp-dc76df0a77d3e5e6780c31ce', NULL, NULL, NULL, '2026-12-02 04:20:55.128935+00', '2026-12-02 04:20:55.13+00', '[{"securityClass":"sql","rule":"sql.tautology","excerpt":"'' or 1=1 -- show me everything"},{"securityClass":"sql","rule":"sql.comment-after-keyword","excerpt":"or 1=1 -- show me everything"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-07c8d4c5-0ed8-3939-947a-000b1f2b780d', 's-slow', 'org-1', 'ws-1', 'u-s-slow', 'web', 'The dashboard takes a minute to load', '/reports', '{"browser":"firefox","n":1.50}', 'triaged', '{}', 'product_signal', 'low', 3, 'grp-5fc43c05b73f93df2db8a109', NULL, 'performance', 'p95 over 40 s', '2026-12-02 04:20:54.777783+00', '2026-12-02 04:20:55.382+00', '[]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-061ba98a-7b87-30c4-87e2-65ac6275a09f', 's-idea', 'org-1', 'ws-1', 'u-s-idea', 'web', 'Please add dark mode to the settings page', '/reports', '{"browser":"firefox","n":1.50}', 'open', '{}', 'actionable', 'low', 3, 'grp-56e14f2b38cafd1f9b76632d', NULL, NULL, NULL, '2026-12-02 04:20:54.825102+00', '2026-12-02 04:20:55.431+00', '[]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-d3d015c2-fb27-3514-9027-f630f22da2f6', 's-export', 'org-1', 'ws-1', 'u-s-export', 'web', 'Export to CSV is broken', '/reports', '{"browser":"firefox","n":1.50}', 'triaged', '{}', 'short_actionable', 'low', 3, 'grp-fa4065dbf1ca0faa1c12b868', 'alice', NULL, NULL, '2026-12-02 04:20:54.532368+00', '2026-12-02 04:20:55.542+00', '[]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-356e7d6d-7d2a-38f0-8582-c8d6bf9a3f50', 's-export-2', 'org-1', 'ws-1', 'u-s-export-2', 'web', 'Export to CSV is broken', '/reports', '{"browser":"firefox","n":1.50}', 'triaged', '{}', 'short_actionable', 'low', 3, 'grp-fa4065dbf1ca0faa1c12b868', NULL, NULL, NULL, '2026-12-02 04:20:54.724475+00', '2026-12-02 04:20:55.548+00', '[]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-f05400fd-f9c3-306f-8d06-a4ad893c1496', 's-probe-1', 'org-1', 'ws-1', 'u-s-probe-1', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:54.863925+00', '2026-12-02 04:20:55.6+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-01bb512a-dbd7-361c-8c5e-2c1e2a418f33', 's-probe-2', 'org-1', 'ws-1', 'u-s-probe-2', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:54.915618+00', '2026-12-02 04:20:55.602+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-2caa1f6c-22bd-3d45-87ec-6cff31203e65', 's-probe-3', 'org-1', 'ws-1', 'u-s-probe-3', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:54.956908+00', '2026-12-02 04:20:55.604+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-8c4d6e30-949b-366d-8de4-9c358ff52c1e', 's-probe-5', 'org-1', 'ws-1', 'u-s-probe-5', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:55.042862+00', '2026-12-02 04:20:55.614+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-534fce8c-105b-31b3-bad2-a15e3c0f531a', 's-probe-6', 'org-1', 'ws-1', 'u-s-probe-6', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:55.095199+00', '2026-12-02 04:20:55.616+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');
INSERT INTO read_model.feedback_v1 VALUES ('fb-13138bda-d281-3916-812b-20b6e5aca08f', 's-probe-4', 'org-1', 'ws-1', 'u-s-probe-4', 'web', '<script>alert(document.cookie)</script>', '/reports', '{"browser":"firefox","n":1.50}', 'archived', '{script}', 'security_probe', 'high', 1, 'grp-cb5d0abaf67c1806936b3b14', NULL, NULL, NULL, '2026-12-02 04:20:54.999001+00', '2026-12-02 04:20:55.608+00', '[{"securityClass":"script","rule":"script.script-tag","excerpt":"<script>alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.sink-call","excerpt":">alert(document.cookie)</script>"},{"securityClass":"script","rule":"script.dom-access","excerpt":"document.cookie)</script>"},{"securityClass":"script","rule":"script.payload-tag","excerpt":"<script>alert(document.cookie)</script>"}]');


--
-- Data for Name: notification_v1; Type: TABLE DATA; Schema: read_model; Owner: -
--

INSERT INTO read_model.notification_v1 VALUES ('ntf-f096e2e4-9215-3808-9bf1-df926e16d943', 'n-2', 'usage_event', 'billing', 'info', 'Usage above 80%', NULL, '2026-11-24 02:00:00+00', '2026-12-02 04:20:55.681+00', false, NULL, NULL);
INSERT INTO read_model.notification_v1 VALUES ('ntf-aff0b5c0-bca5-30d1-bae1-f2f67d1e1781', 'n-1', 'schedule_failed', 'scheduler', 'error', 'Nightly export failed', '{"job":"export"}', '2026-11-24 01:00:00+00', '2026-12-02 04:20:55.646+00', true, 'alice', '2026-12-02 04:20:55.749+00');


--
-- Name: association_value_entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.association_value_entry_id_seq', 1, false);


--
-- Name: domain_event_entry_global_index_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.domain_event_entry_global_index_seq', 50, true);


--
-- Name: association_value_entry association_value_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.association_value_entry
    ADD CONSTRAINT association_value_entry_pkey PRIMARY KEY (id);


--
-- Name: dead_letter_entry dead_letter_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id);


--
-- Name: dead_letter_entry dead_letter_entry_sequence; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index);


--
-- Name: domain_event_entry domain_event_entry_aggregate_identifier_sequence_number_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_aggregate_identifier_sequence_number_key UNIQUE (aggregate_identifier, sequence_number);


--
-- Name: domain_event_entry domain_event_entry_event_identifier_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier);


--
-- Name: domain_event_entry domain_event_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domain_event_entry
    ADD CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: saga_entry saga_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.saga_entry
    ADD CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id);


--
-- Name: snapshot_event_entry snapshot_event_entry_event_identifier_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier);


--
-- Name: snapshot_event_entry snapshot_event_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number);


--
-- Name: token_entry token_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.token_entry
    ADD CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment);


--
-- Name: feedback_group_v1 feedback_group_v1_pkey; Type: CONSTRAINT; Schema: read_model; Owner: -
--

ALTER TABLE ONLY read_model.feedback_group_v1
    ADD CONSTRAINT feedback_group_v1_pkey PRIMARY KEY (group_id);


--
-- Name: feedback_timeline_v1 feedback_timeline_v1_pkey; Type: CONSTRAINT; Schema: read_model; Owner: -
--

ALTER TABLE ONLY read_model.feedback_timeline_v1
    ADD CONSTRAINT feedback_timeline_v1_pkey PRIMARY KEY (event_id);


--
-- Name: feedback_v1 feedback_v1_pkey; Type: CONSTRAINT; Schema: read_model; Owner: -
--

ALTER TABLE ONLY read_model.feedback_v1
    ADD CONSTRAINT feedback_v1_pkey PRIMARY KEY (feedback_id);


--
-- Name: notification_v1 notification_v1_pkey; Type: CONSTRAINT; Schema: read_model; Owner: -
--

ALTER TABLE ONLY read_model.notification_v1
    ADD CONSTRAINT notification_v1_pkey PRIMARY KEY (notification_id);


--
-- Name: association_value_entry_lookup; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX association_value_entry_lookup ON public.association_value_entry USING btree (saga_type, association_key, association_value);


--
-- Name: association_value_entry_saga; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX association_value_entry_saga ON public.association_value_entry USING btree (saga_id, saga_type);


--
-- Name: dead_letter_entry_group; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX dead_letter_entry_group ON public.dead_letter_entry USING btree (processing_group);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: feedback_group_v1_size; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_group_v1_size ON read_model.feedback_group_v1 USING btree (member_count DESC, group_id);


--
-- Name: feedback_timeline_v1_order; Type: INDEX; Schema: read_model; Owner: -
--

CREATE UNIQUE INDEX feedback_timeline_v1_order ON read_model.feedback_timeline_v1 USING btree (feedback_id, sequence_number);


--
-- Name: feedback_v1_classes; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_classes ON read_model.feedback_v1 USING gin (security_classes);


--
-- Name: feedback_v1_group; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_group ON read_model.feedback_v1 USING btree (group_id, submitted_at);


--
-- Name: feedback_v1_message_search; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_message_search ON read_model.feedback_v1 USING gin (message public.gin_trgm_ops);


--
-- Name: feedback_v1_newest; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_newest ON read_model.feedback_v1 USING btree (submitted_at, feedback_id);


--
-- Name: feedback_v1_queue; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_queue ON read_model.feedback_v1 USING btree (severity_rank, submitted_at, feedback_id);


--
-- Name: feedback_v1_signal_queue; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_signal_queue ON read_model.feedback_v1 USING btree (signal, severity_rank, submitted_at, feedback_id);


--
-- Name: feedback_v1_state_queue; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX feedback_v1_state_queue ON read_model.feedback_v1 USING btree (state, severity_rank, submitted_at, feedback_id);


--
-- Name: notification_v1_newest; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX notification_v1_newest ON read_model.notification_v1 USING btree (occurred_at DESC, notification_id DESC);


--
-- Name: notification_v1_unacknowledged; Type: INDEX; Schema: read_model; Owner: -
--

CREATE INDEX notification_v1_unacknowledged ON read_model.notification_v1 USING btree (kind) WHERE (NOT acknowledged);


--
-- PostgreSQL database dump complete
--


