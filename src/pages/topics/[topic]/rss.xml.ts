import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { topicFeedRoutes } from '../../../archive.ts';
import { feedResponse } from '../../../feeds.ts';

export const getStaticPaths = topicFeedRoutes;

/** New meetings in one topic's thread. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => feedResponse(props, site);
