import type { APIRoute } from 'astro';
import { getArchive } from '../archive.ts';
import { feedResponse } from '../feeds.ts';
import { siteFeedView } from '../lib/views/feed.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(siteFeedView((await getArchive()).views), site);
